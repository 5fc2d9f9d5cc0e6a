using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation.Authorization
{
    /// <summary>sts:AssumeRole and its family: the resource policy is the role's trust policy.</summary>
    internal sealed class StsAuthorizer : ServiceAuthorizer
    {
        public static readonly StsAuthorizer Instance = new StsAuthorizer();

        private StsAuthorizer()
        {
        }

        public override string ResourcePolicyName => "trust policy";

        // STS refuses AssumeRole signed with root user credentials ("Roles may not be assumed by root accounts"),
        // whatever the trust policy says; a user or role of that account has to do it.
        // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
        protected override DecisionRule? AfterExplicitDeny(AccessRequest request) =>
            request.Principal.Kind == PrincipalKind.AccountRoot ? DecisionRule.RootUserCannotAssumeRole : (DecisionRule?)null;
    }
}

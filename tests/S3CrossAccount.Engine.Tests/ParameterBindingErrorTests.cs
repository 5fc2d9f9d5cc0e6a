using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests
{
    /// <summary>
    /// Errors PowerShell's parameter binder raises for the module's cmdlets (before the cmdlet runs) surface as
    /// ErrorRecords with PowerShell's own stable ErrorIds and categories, qualified by the cmdlet class, and name the
    /// parameter (validation failures are InvalidData in PowerShell, conversion and unknown names InvalidArgument).
    /// </summary>
    public class ParameterBindingErrorTests
    {
        [Theory]
        [InlineData("Test-XAccountPolicy -Policy '{\"Statement\":[]}' -Kind Nope", "CannotConvertArgumentNoMessage,S3CrossAccount.Commands.Policy.TestXAccountPolicyCommand", "Kind", ErrorCategory.InvalidArgument)]
        [InlineData("Test-XAccountAccess -Principal arn:aws:iam::222233334444:user/bob -Action s3:GetObject -Resource arn:aws:s3:::b/k -BucketAccount AccountA", "ParameterArgumentValidationError,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", "BucketAccount", ErrorCategory.InvalidData)]
        [InlineData("New-XAccountIdentityPolicy -Bucket b-1 -Partition aws-eu", "ParameterArgumentValidationError,S3CrossAccount.Commands.Policy.NewXAccountIdentityPolicyCommand", "Partition", ErrorCategory.InvalidData)]
        [InlineData("New-XAccountTrustPolicy -TrustedPrincipal 222233334444 -NoSuchParameter 1", "NamedParameterNotFound,S3CrossAccount.Commands.Policy.NewXAccountTrustPolicyCommand", "NoSuchParameter", ErrorCategory.InvalidArgument)]
        [InlineData("ConvertTo-XAccountPolicyJson -Policy $null", "ParameterArgumentValidationError,S3CrossAccount.Commands.Policy.ConvertToXAccountPolicyJsonCommand", "Policy", ErrorCategory.InvalidData)]
        public void BindingError_HasPowerShellsErrorId_AndNamesTheParameter(string script, string fullyQualifiedErrorId, string parameter, ErrorCategory category)
        {
            using var s = new PowerShellSession();
            var r = s.Run(script);
            Assert.Empty(r.Output);
            Assert.NotNull(r.FirstError);
            Assert.Equal(fullyQualifiedErrorId, r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(category, r.FirstError.CategoryInfo.Category);
            Assert.Contains(parameter, r.FirstError.Exception.Message);
        }
    }
}

namespace S3CrossAccount.Engine.Tests
{
    using Xunit;

    /// <summary>
    /// Policy parameters take JSON text through a transformation attribute; a bad document is refused by the cmdlet
    /// with the module's own ErrorId (InvalidPolicyJson for text that is not JSON, InvalidPolicyDocument for JSON
    /// that is not a policy), not PowerShell's ParameterArgumentTransformationError, and the message names the
    /// element path inside the document. Nothing is called: the endpoint is a closed port.
    /// </summary>
    public class PolicyTextBindingErrorTests
    {
        private const string Offline = Buckets.BucketCmdletValidationTests.Offline;

        [Theory]
        [InlineData("Test-XAccountPolicy -Policy '{\"Statement\": 5}'", "InvalidPolicyDocument,S3CrossAccount.Commands.Policy.TestXAccountPolicyCommand", "Invalid policy at Statement:")]
        [InlineData("ConvertTo-XAccountPolicyJson -Policy '{\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"s3:*\"}]}'", "InvalidPolicyDocument,S3CrossAccount.Commands.Policy.ConvertToXAccountPolicyJsonCommand", "Invalid policy at Statement[0].Effect:")]
        [InlineData("'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"Bool\":[]}}]}' | Test-XAccountPolicy", "InvalidPolicyDocument,S3CrossAccount.Commands.Policy.TestXAccountPolicyCommand", "Invalid policy at Statement[0].Condition.Bool:")]
        [InlineData("Merge-XAccountPolicy -Policy '{\"Statement\": [' -Grant (New-XAccountIdentityPolicy -Bucket b-1)", "InvalidPolicyJson,S3CrossAccount.Commands.Policy.MergeXAccountPolicyCommand", "line 1")]
        [InlineData("Set-XAccountBucketPolicy -Bucket b-1 -Policy '{\"Statement\": [' -Confirm:$false " + Offline, "InvalidPolicyJson,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand", "line 1")]
        [InlineData("Remove-XAccountBucketPolicyStatement -Bucket b-1 -Policy '{\"Statement\": 5}' -Confirm:$false " + Offline, "InvalidPolicyDocument,S3CrossAccount.Commands.Buckets.RemoveXAccountBucketPolicyStatementCommand", "Invalid policy at Statement:")]
        [InlineData("Set-XAccountIdentityPolicy -RoleName r1 -PolicyName p1 -Policy 'not json' -Confirm:$false " + Offline, "InvalidPolicyJson,S3CrossAccount.Commands.Roles.SetXAccountIdentityPolicyCommand", "")]
        [InlineData("New-XAccountRole -RoleName r1 -TrustPolicy '{\"Statement\": 5}' -Confirm:$false " + Offline, "InvalidPolicyDocument,S3CrossAccount.Commands.Roles.NewXAccountRoleCommand", "Invalid policy at Statement:")]
        public void BadPolicyText_IsTheModulesError_AndNamesThePathInsideTheDocument(string script, string fullyQualifiedErrorId, string message)
        {
            using var s = new PowerShellSession();
            var r = s.Run(script);
            Assert.Empty(r.Output);
            Assert.Equal(fullyQualifiedErrorId, r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, r.FirstError.CategoryInfo.Category);
            Assert.Contains(message, r.FirstError.Exception.Message);
            Assert.False(string.IsNullOrEmpty(r.FirstError.ErrorDetails?.RecommendedAction));
        }

        [Fact]
        public void ABadPipedPolicy_IsANonTerminatingError_AndTheOthersStillRun()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}', '{\"Statement\": 5}', '{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}' | ConvertTo-XAccountPolicyJson -Compress");
            Assert.Null(r.Terminating);
            Assert.Equal(2, r.Output.Count);
            Assert.Equal("InvalidPolicyDocument,S3CrossAccount.Commands.Policy.ConvertToXAccountPolicyJsonCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }
    }
}

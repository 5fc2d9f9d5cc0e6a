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
    /// Policy parameters take JSON text through a transformation attribute; a bad document then fails in the binder,
    /// so the ErrorId is PowerShell's, but the message still names the element path inside the document.
    /// </summary>
    public class PolicyTextBindingErrorTests
    {
        [Theory]
        [InlineData("Test-XAccountPolicy -Policy '{\"Statement\": 5}'", "ParameterArgumentTransformationError,S3CrossAccount.Commands.Policy.TestXAccountPolicyCommand", "Invalid policy at Statement:")]
        [InlineData("ConvertTo-XAccountPolicyJson -Policy '{\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"s3:*\"}]}'", "ParameterArgumentTransformationError,S3CrossAccount.Commands.Policy.ConvertToXAccountPolicyJsonCommand", "Invalid policy at Statement[0].Effect:")]
        [InlineData("'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"Bool\":[]}}]}' | Test-XAccountPolicy", "ParameterArgumentTransformationError,S3CrossAccount.Commands.Policy.TestXAccountPolicyCommand", "Invalid policy at Statement[0].Condition.Bool:")]
        public void BadPolicyText_NamesThePathInsideTheDocument(string script, string fullyQualifiedErrorId, string message)
        {
            using var s = new PowerShellSession();
            var r = s.Run(script);
            Assert.Empty(r.Output);
            Assert.Equal(fullyQualifiedErrorId, r.FirstError!.FullyQualifiedErrorId);
            Assert.Contains(message, r.FirstError.Exception.Message + " " + r.FirstError.Exception.InnerException?.Message);
        }
    }
}

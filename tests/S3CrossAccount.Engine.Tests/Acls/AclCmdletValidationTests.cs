using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Acls
{
    /// <summary>
    /// The ACL and ownership cmdlets reject bad input with a specific ErrorId, category and target before
    /// any AWS call: the endpoint given here (port 9, discard) is never reached by these pipelines.
    /// </summary>
    public class AclCmdletValidationTests
    {
        private const string Offline = "-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9";
        private const string Grant = "S3CrossAccount.Commands.Acls.GrantXAccountAclCommand";
        private const string Revoke = "S3CrossAccount.Commands.Acls.RevokeXAccountAclCommand";

        [Theory]
        [InlineData("Grant-XAccountAcl -Bucket b -Key k -Prefix p/ -Permission READ -CanonicalId abc", "InvalidParameterCombination," + Grant, ErrorCategory.InvalidArgument, "Prefix")]
        [InlineData("Revoke-XAccountAcl -Bucket b -Key k -Prefix p/ -Permission READ -CanonicalId abc", "InvalidParameterCombination," + Revoke, ErrorCategory.InvalidArgument, "Prefix")]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -Group AllUsers", "PublicPrincipalNotAllowed," + Grant, ErrorCategory.PermissionDenied, "http://acs.amazonaws.com/groups/global/AllUsers")]
        [InlineData("Grant-XAccountAcl -Bucket b -Key k -Permission READ -Group AuthenticatedUsers", "PublicPrincipalNotAllowed," + Grant, ErrorCategory.PermissionDenied, "http://acs.amazonaws.com/groups/global/AuthenticatedUsers")]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -CanonicalId 222233334444", "InvalidCanonicalUserId," + Grant, ErrorCategory.InvalidArgument, "222233334444")]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -CanonicalId 'a\"b'", "InvalidCanonicalUserId," + Grant, ErrorCategory.InvalidArgument, "a\"b")]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -AccountId 2222 -GranteeProfileName B", "InvalidAccountId," + Grant, ErrorCategory.InvalidArgument, "2222")]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -AccountId 222233334444", "InvalidParameterCombination," + Grant, ErrorCategory.InvalidArgument, "AccountId")]
        [InlineData("Revoke-XAccountAcl -Bucket b -Permission READ -AccountId 222233334444 -GranteeProfileName B -GranteeCredential x", "InvalidParameterCombination," + Revoke, ErrorCategory.InvalidArgument, "AccountId")]
        [InlineData("Grant-XAccountAcl -Bucket b -Key k -Permission READ,WRITE -CanonicalId abc", "InvalidAclGrant," + Grant, ErrorCategory.InvalidArgument, "WRITE")]
        [InlineData("Revoke-XAccountAcl -Bucket b -Prefix '' -Permission WRITE -CanonicalId abc", "InvalidAclGrant," + Revoke, ErrorCategory.InvalidArgument, "WRITE")]
        public void BadInput_FailsWithItsErrorId_Category_AndTarget(string command, string errorId, ErrorCategory category, string target)
        {
            using var s = new PowerShellSession();
            var r = s.Run(command + " " + Offline);
            Assert.Equal(errorId, r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(category, r.FirstError!.CategoryInfo.Category);
            Assert.Equal(target, r.FirstError.TargetObject);
            Assert.False(string.IsNullOrEmpty(r.FirstError.ErrorDetails?.RecommendedAction));
        }

        [Theory]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ_WRITE -CanonicalId abc", "ParameterArgumentValidationError," + Grant)]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -Group Everyone", "ParameterArgumentValidationError," + Grant)]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -CanonicalId abc -ThrottleLimit 0", "ParameterArgumentValidationError," + Grant)]
        [InlineData("Grant-XAccountAcl -Bucket b -Permission READ -CanonicalId abc -Group AllUsers", "AmbiguousParameterSet," + Grant)]
        [InlineData("Set-XAccountObjectOwnership -Bucket b -ObjectOwnership Disabled", "CannotConvertArgumentNoMessage,S3CrossAccount.Commands.Acls.SetXAccountObjectOwnershipCommand")]
        public void BadParameterValues_AreRefusedByTheBinder(string command, string errorId)
        {
            using var s = new PowerShellSession();
            var r = s.Run(command + " " + Offline);
            Assert.Equal(errorId, r.FirstError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void CanonicalUserId_BindsByPropertyName_LikeGetXAccountCanonicalIdsOutput()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ CanonicalUserId = '222233334444'; DisplayName = $null } | Grant-XAccountAcl -Bucket b -Permission READ " + Offline);
            Assert.Equal("InvalidCanonicalUserId," + Grant, r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal("222233334444", r.FirstError!.TargetObject);
        }

        /// <summary>A refusal of the command's own argument ends it: try/catch sees it, and nothing after it runs.</summary>
        [Fact]
        public void AnAccountIdGivenAsCanonicalId_IsATerminatingError()
        {
            using var s = new PowerShellSession();
            var r = s.Run("try { Grant-XAccountAcl -Bucket b -Permission READ -CanonicalId 222233334444 " + Offline + "; 'went on' } catch { 'caught ' + $_.FullyQualifiedErrorId + ' ' + $_.TargetObject }");
            Assert.Equal(new[] { "caught InvalidCanonicalUserId," + Grant + " 222233334444" }, r.Output.Select(o => o.ToString()));
        }

        /// <summary>The same value coming with a pipeline item is that item's failure: each item is refused, the command goes on.</summary>
        [Fact]
        public void AnAccountIdPipedAsCanonicalId_FailsThatItemOnly()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ CanonicalUserId = '222233334444' }, [pscustomobject]@{ CanonicalUserId = '333344445555' } | Grant-XAccountAcl -Bucket b -Permission READ " + Offline);
            Assert.Null(r.Terminating);
            Assert.Equal(new object[] { "222233334444", "333344445555" }, r.Errors.Select(e => e.TargetObject));
            Assert.All(r.Errors, e => Assert.Equal("InvalidCanonicalUserId," + Grant, e.FullyQualifiedErrorId));
        }

        /// <summary>
        /// The bulk run (BulkRun) over piped objects when every call fails: one non-terminating error per object, each
        /// counted as done, and the progress bar completed with the counts.
        /// </summary>
        [Fact]
        public void PipedObjects_OnAnUnreachableEndpoint_FailOneByOne_AndTheProgressCountsEach()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'k1', 'k2', 'k3' | ForEach-Object { [pscustomobject]@{ BucketName = 'reports-bucket'; Key = $_ } } | Grant-XAccountAcl -Permission READ -CanonicalId abc -ThrottleLimit 2 " + Offline);
            Assert.Null(r.Terminating);
            Assert.Equal(3, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal("EndpointUnreachable," + Grant, e.FullyQualifiedErrorId));
            Assert.Empty(r.Output);
            var last = r.Progress.Last();
            Assert.Equal(ProgressRecordType.Completed, last.RecordType);
            Assert.Equal("3 of 3 ACLs done, 0 changed", last.StatusDescription);
            Assert.Equal(3, r.Progress.Count(p => p.RecordType == ProgressRecordType.Processing));
        }

        [Fact]
        public void BucketNameAndKey_BindByPropertyName_FromS3ObjectShapes()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ BucketName = 'b'; Key = 'k1' }, [pscustomobject]@{ BucketName = 'b'; Key = 'k2' } | Grant-XAccountAcl -Permission WRITE -CanonicalId abc " + Offline);
            // WRITE is not an object permission: each piped object (its Key was bound) is refused on its own.
            Assert.Null(r.Terminating);
            Assert.Equal(new[] { "InvalidAclGrant," + Grant, "InvalidAclGrant," + Grant }, r.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Contains(r.Warnings, w => w.StartsWith("ACLs are a legacy access mechanism", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Revoke_NeedsNoAllowPublic_AndHasNoSuchParameter()
        {
            using var s = new PowerShellSession();
            var r = s.Run("(Get-Command Revoke-XAccountAcl).Parameters.ContainsKey('AllowPublic'), (Get-Command Grant-XAccountAcl).Parameters.ContainsKey('AllowPublic')");
            Assert.Equal(new object[] { false, true }, new[] { r.Output[0].BaseObject, r.Output[1].BaseObject });
        }

        [Theory]
        [InlineData("Grant-XAccountAcl", "S3CrossAccount.Core.Acls.XAccountAclChange", "Medium")]
        [InlineData("Revoke-XAccountAcl", "S3CrossAccount.Core.Acls.XAccountAclChange", "Medium")]
        [InlineData("Set-XAccountObjectOwnership", "S3CrossAccount.Core.Acls.XAccountObjectOwnership", "Medium")]
        public void ChangingCmdlets_SupportShouldProcess_AndDeclareTheirOutputType(string cmdlet, string outputType, string impact)
        {
            using var s = new PowerShellSession();
            var r = s.Run($"$c = Get-Command {cmdlet}; $c.Parameters.ContainsKey('WhatIf'); $c.OutputType[0].Name; $c.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact.ToString()").ShouldSucceed();
            Assert.Equal(true, r.Output[0].BaseObject);
            Assert.Equal(outputType, r.Output[1].BaseObject);
            Assert.Equal(impact, r.Output[2].BaseObject);
        }
    }
}

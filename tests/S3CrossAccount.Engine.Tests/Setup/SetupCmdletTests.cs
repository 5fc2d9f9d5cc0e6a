using System;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Engine.Tests.Acls;
using S3CrossAccount.Engine.Tests.Buckets;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Setup
{
    /// <summary>
    /// Invoke-XAccountSetup and Remove-XAccountSetup in the real engine without a server: the exact -WhatIf plan
    /// of method BucketPolicy (which makes no AWS call at all: the endpoint is a closed port, so any call would
    /// fail), and every parameter error with its ErrorId, category, target and recommended action.
    /// </summary>
    public class SetupCmdletTests
    {
        private const string Offline = BucketCmdletValidationTests.Offline;
        private const string Other = "-GranteeCredential ([pscustomobject]@{ AccessKey = 'AKIAI44QH8DHBEXAMPLE'; SecretKey = 'not-a-real-secret' })";

        [Fact]
        public void WhatIf_BucketPolicy_PrintsEachCallWithItsDocument_AndCallsNothing()
        {
            var r = BucketWhatIfTests.RunInHost(
                $"$r = Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Prefix in/ -Access Read -Grantee arn:aws:iam::222233334444:user/Dave {Other} -WhatIf {Offline}; "
                + "$r.Steps | ForEach-Object { '{0} {1} {2} {3}' -f $_.Order, $_.Side, $_.Operation, $_.Status }; $r.Completed; $r.Verified -eq $null");

            Assert.Empty(r.Errors);
            Assert.Equal(2, r.HostLines.Count);
            Assert.Equal(
                "What if: Performing the operation \"S3 PutBucketPolicy: Merge the grant for arn:aws:iam::222233334444:user/Dave into the bucket policy" + Environment.NewLine
                + "  {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:user/Dave\"},\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::reports-bucket/in/*\"}]}\" on target \"reports-bucket\".",
                r.HostLines[0]);
            var sid = r.HostLines[1].Split("\"Sid\":\"")[1].Split('"')[0];
            Assert.Matches("^XAccount[0-9A-F]{12}$", sid);
            Assert.Equal(
                "What if: Performing the operation \"IAM PutUserPolicy: Merge the S3 permissions into the grantee's identity policy" + Environment.NewLine
                + $"  {{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"{sid}\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::reports-bucket/in/*\"}}]}}\" on target \"user Dave/S3CrossAccountAccess\".",
                r.HostLines[1]);
            Assert.Equal(4, r.Output);
        }

        [Fact]
        public void WhatIf_Result_ListsThePlannedSteps_AndAnAccountGranteesSkippedSide()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"$r = Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee 222233334444 {Other} -WhatIf {Offline}; "
                + "$r.Steps | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.Side, $_.Operation, $_.Target, $_.Status, $_.Detail }; $r.Completed").ShouldSucceed();
            Assert.Equal(new[]
            {
                "BucketAccount|S3 PutBucketPolicy|reports-bucket|Planned|Merge the grant for 222233334444 into the bucket policy",
                "GranteeAccount|IAM PutUserPolicy|account 222233334444|Skipped|The grantee is account 222233334444 itself: its administrator must delegate the access to a user or role there (seed 002, step 3).",
                "False",
            }, r.Output.Select(o => o.ToString()));
        }

        [Theory]
        [InlineData("Invoke-XAccountSetup -Method Acl -Bucket reports-bucket -Grantee arn:aws:iam::222233334444:user/Dave " + Other, "InvalidSetupGrantee,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "arn:aws:iam::222233334444:user/Dave")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee '*' " + Other, "InvalidSetupGrantee,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "*")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee 12345 " + Other, "InvalidAccountId,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "12345")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket Bad_Bucket -Grantee 222233334444 " + Other, "InvalidBucketName,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "Bad_Bucket")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee 222233334444 -RoleName r1 " + Other, "InvalidParameterCombination,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "RoleName")]
        [InlineData("Invoke-XAccountSetup -Method Acl -Bucket reports-bucket -Grantee 222233334444 -Action s3:DeleteObject " + Other, "InvalidAclGrant,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "s3:DeleteObject")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee 222233334444", "InvalidParameterCombination,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "GranteeProfileName")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee 222233334444 -Access Read -Action s3:GetObject " + Other, "InvalidParameterCombination,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "Action")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Grantee 222233334444 -VerifyProfileName a -VerifyCredential @{} " + Other, "InvalidParameterCombination,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", ErrorCategory.InvalidArgument, "VerifyCredential")]
        [InlineData("Remove-XAccountSetup -Method Acl -Bucket reports-bucket -Grantee arn:aws:iam::222233334444:role/R -Confirm:$false " + Other, "InvalidSetupGrantee,S3CrossAccount.Commands.Setup.RemoveXAccountSetupCommand", ErrorCategory.InvalidArgument, "arn:aws:iam::222233334444:role/R")]
        [InlineData("Remove-XAccountSetup -Method Role -Bucket reports-bucket -Grantee 222233334444 -RoleName 'bad name' -Confirm:$false " + Other, "InvalidRoleName,S3CrossAccount.Commands.Setup.RemoveXAccountSetupCommand", ErrorCategory.InvalidArgument, "bad name")]
        public void BadInput_FailsWithItsErrorId_CategoryAndTarget(string command, string errorId, ErrorCategory category, string target)
        {
            using var s = new PowerShellSession();
            var r = s.Run(command + " " + Offline);
            Assert.Equal(errorId, r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(category, r.FirstError!.CategoryInfo.Category);
            Assert.Equal(target, r.FirstError.TargetObject);
            Assert.False(string.IsNullOrEmpty(r.FirstError.ErrorDetails?.RecommendedAction));
            Assert.Empty(r.Output);
        }

        /// <summary>A refusal of the command's own argument ends it: try/catch sees it, and nothing after it runs.</summary>
        [Fact]
        public void AUserAsTheGranteeOfAcls_IsATerminatingError()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"try {{ Invoke-XAccountSetup -Method Acl -Bucket reports-bucket -Grantee arn:aws:iam::222233334444:user/Dave {Other} {Offline}; 'went on' }} catch {{ 'caught ' + $_.FullyQualifiedErrorId }}");
            Assert.Equal(new[] { "caught InvalidSetupGrantee,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand" }, r.Output.Select(o => o.ToString()));
        }

        /// <summary>Piped setups are items: a refused one is reported, the next is still processed.</summary>
        [Fact]
        public void APipedSetupWithAUserAsAclGrantee_FailsThatItemOnly()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ Method = 'Acl'; Bucket = 'reports-bucket'; Grantee = 'arn:aws:iam::222233334444:user/Dave' }, "
                + "[pscustomobject]@{ Method = 'Acl'; Bucket = 'reports-bucket'; Grantee = 'arn:aws:iam::222233334444:role/R' } | "
                + $"Remove-XAccountSetup -Confirm:$false {Other} {Offline}");
            Assert.Null(r.Terminating);
            Assert.Equal(new object[] { "arn:aws:iam::222233334444:user/Dave", "arn:aws:iam::222233334444:role/R" }, r.Errors.Select(e => e.TargetObject));
            Assert.All(r.Errors, e => Assert.Equal("InvalidSetupGrantee,S3CrossAccount.Commands.Setup.RemoveXAccountSetupCommand", e.FullyQualifiedErrorId));
        }

        [Fact]
        public void Acl_OnABucketOwnerEnforcedBucket_FailsWithAclNotSupported_AndNeverTouchesObjectOwnership()
        {
            // Canned AWS answers (radosgw has no Object Ownership): STS is not there (the account check is skipped,
            // as on S3-compatible servers), ListBuckets gives B's canonical ID, the bucket has ACLs disabled.
            const string owner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
            using var s3 = new CannedS3()
                .On("GET ownershipControls", 200, CannedS3.Ownership("BucketOwnerEnforced"))
                .On("POST ", 405, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>MethodNotAllowed</Code><Message>no STS here</Message></Error>")
                .On("GET ", 200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>{owner}</ID><DisplayName>b</DisplayName></Owner><Buckets></Buckets></ListAllMyBucketsResult>");
            using var s = new PowerShellSession();

            var r = s.Run($"Invoke-XAccountSetup -Method Acl -Bucket bkt -Grantee 222233334444 {Other} {s3.Args}; $Error.Clear()");

            var error = Assert.Single(r.Errors);
            Assert.Equal("AclNotSupported,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal("bkt", error.TargetObject);
            Assert.Contains("Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership BucketOwnerPreferred", error.ErrorDetails.RecommendedAction);
            var result = Assert.Single(r.Output);
            var steps = ((System.Collections.IEnumerable)result.Properties["Steps"].Value).Cast<object>().Select(PSObject.AsPSObject)
                .Select(p => p.Properties["Operation"].Value + " " + p.Properties["Status"].Value);
            Assert.Equal(new[] { "S3 ListBuckets Unchanged", "S3 PutObjectAcl Failed" }, steps);
            // The ownership is read, never written, and no object is listed or changed.
            Assert.Equal(new[] { "POST /", "GET /?max-buckets=1", "GET /bkt/?ownershipControls" }, s3.Requests);
        }

        [Fact]
        public void TheResult_PipesIntoRemoveXAccountSetup_ByPropertyName()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"Invoke-XAccountSetup -Method Role -RoleName examplerole -Bucket reports-bucket -Access ReadWrite -Grantee 222233334444 {Other} -WhatIf {Offline}; "
                + $"$r = Invoke-XAccountSetup -Method BucketPolicy -Bucket reports-bucket -Access ReadWrite -Grantee arn:aws:iam::222233334444:user/Dave {Other} -WhatIf {Offline}; "
                + $"$r | Remove-XAccountSetup {Other} -WhatIf {Offline} | ForEach-Object {{ $_.IsRemoval; $_.Bucket; $_.Access; $_.Steps.Count; $_.Steps[1].DocumentJson -eq $r.Steps[0].DocumentJson }}");
            // The first command needs the role's ARN (IAM GetRole), which the closed port cannot answer.
            Assert.Equal("EndpointUnreachable,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(new[] { "True", "reports-bucket", "ReadWrite", "2", "True" }, r.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void Remove_IsHighImpact_AndInvokeMedium_BothWithWhatIf()
        {
            using var s = new PowerShellSession();
            var r = s.Run("foreach ($n in 'Invoke-XAccountSetup', 'Remove-XAccountSetup') { $a = (Get-Command $n).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; '{0} {1} {2}' -f $n, $a.SupportsShouldProcess, $a.ConfirmImpact }").ShouldSucceed();
            Assert.Equal(new[] { "Invoke-XAccountSetup True Medium", "Remove-XAccountSetup True High" }, r.Output.Select(o => o.ToString()));
        }
    }
}

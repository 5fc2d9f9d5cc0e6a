using System.Linq;
using S3CrossAccount.Core.Evaluation.Results;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Evaluation
{
    public class TestXAccountAccessTests
    {
        // Seed 002, method 1.
        private const string Setup = @"
$bucketPolicy = '{ ""Version"": ""2012-10-17"", ""Statement"": [ { ""Effect"": ""Allow"", ""Principal"": { ""AWS"": ""arn:aws:iam::444455556666:user/AccountBUserName"" }, ""Action"": [ ""s3:GetObject"", ""s3:GetObjectVersion"", ""s3:PutObject"", ""s3:PutObjectAcl"" ], ""Resource"": [ ""arn:aws:s3:::AccountABucketName/*"" ] } ] }'
$userPolicy = '{ ""Version"": ""2012-10-17"", ""Statement"": [ { ""Effect"": ""Allow"", ""Action"": [ ""s3:GetObject"", ""s3:GetObjectVersion"", ""s3:PutObject"", ""s3:PutObjectAcl"" ], ""Resource"": ""arn:aws:s3:::AccountABucketName/*"" } ] }'
$user = 'arn:aws:iam::444455556666:user/AccountBUserName'
";

        [Fact]
        public void AllowedProperty_IsTrue_ForSeed002Method1()
        {
            using var s = new PowerShellSession();
            var r = s.Run(Setup + "(Test-XAccountAccess -Principal $user -Action s3:GetObject -Resource s3://AccountABucketName/report.csv -BucketAccount 111122223333 -BucketPolicy $bucketPolicy -IdentityPolicy $userPolicy).Allowed").ShouldSucceed();
            Assert.True(r.Single<bool>());
        }

        [Fact]
        public void WithoutTheIdentityPolicy_IsAnImplicitDeny_WithTheReason()
        {
            using var s = new PowerShellSession();
            var r = s.Run(Setup + "Test-XAccountAccess -Principal $user -Action s3:PutObject -Resource arn:aws:s3:::AccountABucketName/report.csv -BucketAccount 111122223333 -BucketPolicy $bucketPolicy").ShouldSucceed();
            var d = r.Single<AccessDecision>();
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal("cross-account: bucket policy allows, but no identity policy in 444455556666 allows s3:PutObject", d.Reason);
            Assert.Null(d.Trace);
        }

        [Fact]
        public void PipelineRows_GiveOneDecisionEach()
        {
            using var s = new PowerShellSession();
            var r = s.Run(Setup + @"
$rows = @(
  [pscustomobject]@{ Principal = $user; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::AccountABucketName/a' },
  [pscustomobject]@{ Principal = $user; Action = 's3:DeleteObject'; Resource = 'arn:aws:s3:::AccountABucketName/a' },
  [pscustomobject]@{ Principal = 'arn:aws:iam::777788889999:user/carol'; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::AccountABucketName/a' }
)
$rows | Test-XAccountAccess -BucketAccount 111122223333 -BucketPolicy $bucketPolicy -IdentityPolicy $userPolicy | ForEach-Object { $_.Allowed }").ShouldSucceed();
            Assert.Equal(new[] { true, false, false }, r.All<bool>().ToArray());
        }

        [Fact]
        public void PipelineRows_MayCarryTheirOwnPolicies()
        {
            using var s = new PowerShellSession();
            var r = s.Run(Setup + @"
@([pscustomobject]@{ Principal = $user; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::AccountABucketName/a'; IdentityPolicy = $userPolicy },
  [pscustomobject]@{ Principal = $user; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::AccountABucketName/a' },
  [pscustomobject]@{ Principal = $user; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::AccountABucketName/a'; IdentityPolicy = '{""Version"": ' }) |
  Test-XAccountAccess -BucketAccount 111122223333 -BucketPolicy $bucketPolicy | ForEach-Object { $_.Allowed }");
            Assert.Equal(new[] { true, false }, r.All<bool>().ToArray());
            Assert.StartsWith("InvalidPolicyJson,", r.FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Context_AclsAndOwnership_AreHonoured()
        {
            using var s = new PowerShellSession();
            var r = s.Run(@"
$deny = '{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":{""AWS"":""444455556666""},""Action"":""s3:PutObject"",""Resource"":""arn:aws:s3:::bkt/*""},{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:PutObject"",""Resource"":""arn:aws:s3:::bkt/*"",""Condition"":{""StringNotEquals"":{""s3:x-amz-acl"":""bucket-owner-full-control""}}}]}'
$admin = '{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Action"":""*"",""Resource"":""*""}]}'
$a = Test-XAccountAccess arn:aws:iam::444455556666:user/bob s3:PutObject arn:aws:s3:::bkt/x -BucketAccount 111122223333 -BucketPolicy $deny -IdentityPolicy $admin
$b = Test-XAccountAccess arn:aws:iam::444455556666:user/bob s3:PutObject arn:aws:s3:::bkt/x -BucketAccount 111122223333 -BucketPolicy $deny -IdentityPolicy $admin -Context @{ 's3:x-amz-acl' = 'bucket-owner-full-control' }
$c = Test-XAccountAccess arn:aws:iam::444455556666:user/bob s3:GetObject arn:aws:s3:::bkt/x -BucketAccount 111122223333 -IdentityPolicy $admin -ObjectOwnership ObjectWriter -ObjectAcl 'READ:444455556666'
$a.Decision.ToString(); $b.Decision.ToString(); $c.Decision.ToString()").ShouldSucceed();
            Assert.Equal(new[] { "ExplicitDeny", "Allowed", "Allowed" }, r.All<string>().ToArray());
        }

        [Fact]
        public void AssumeRole_TakesTheTrustPolicy_AndTheRolesAccountAsTheOwner()
        {
            using var s = new PowerShellSession();
            var r = s.Run(@"
$trust = New-XAccountTrustPolicy -TrustedPrincipal arn:aws:iam::444455556666:user/Dave
$dave = New-XAccountAssumeRolePolicy -RoleArn arn:aws:iam::111122223333:role/R
(Test-XAccountAccess arn:aws:iam::444455556666:user/Dave sts:AssumeRole arn:aws:iam::111122223333:role/R -TrustPolicy $trust -IdentityPolicy $dave).Reason
(Test-XAccountAccess arn:aws:iam::444455556666:user/Dave sts:AssumeRole arn:aws:iam::111122223333:role/R -TrustPolicy $trust).Reason").ShouldSucceed();
            Assert.Equal(new[]
            {
                "cross-account: the trust policy and an identity policy in 444455556666 allow sts:AssumeRole",
                "cross-account: trust policy allows, but no identity policy in 444455556666 allows sts:AssumeRole",
            }, r.All<string>().ToArray());
            Assert.Empty(r.Warnings);
        }

        [Fact]
        public void Detailed_ReturnsTheTrace()
        {
            using var s = new PowerShellSession();
            var r = s.Run(Setup + "(Test-XAccountAccess -Principal $user -Action s3:GetObject -Resource arn:aws:s3:::AccountABucketName/a -BucketAccount 111122223333 -BucketPolicy $bucketPolicy -IdentityPolicy $userPolicy -Detailed).Trace.Count").ShouldSucceed();
            Assert.Equal(2, r.Single<int>());
        }

        [Fact]
        public void MalformedPolicyJson_IsATerminatingErrorWithItsId()
        {
            using var s = new PowerShellSession();
            var r = s.Run("Test-XAccountAccess -Principal arn:aws:iam::444455556666:user/bob -Action s3:GetObject -Resource arn:aws:s3:::bkt/x -BucketAccount 111122223333 -BucketPolicy '{\"Version\": '");
            Assert.NotNull(r.FirstError);
            Assert.StartsWith("InvalidPolicyJson,", r.FirstError!.FullyQualifiedErrorId);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void BadRow_IsANonTerminatingError_AndTheNextRowsStillRun()
        {
            using var s = new PowerShellSession();
            var r = s.Run(@"
@([pscustomobject]@{ Principal = 'bob'; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::bkt/x' },
  [pscustomobject]@{ Principal = 'arn:aws:iam::111122223333:root'; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::bkt/x' }) |
  Test-XAccountAccess -BucketAccount 111122223333 | ForEach-Object { $_.Allowed }");
            Assert.Equal("InvalidPrincipal,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(new[] { true }, r.All<bool>().ToArray());
        }

        /// <summary>The default view is a list (no table holds two ARNs and a reason at 80 columns); its rendering is pinned in tests/Pester/Views.Tests.ps1.</summary>
        [Fact]
        public void FormatView_ForTheDecisionType_IsAListOfTheSixFields_ThenTheLayersAndTheTrace()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(PowerShellSession.ManifestPath)!, "S3CrossAccount.Format.ps1xml");
            var doc = System.Xml.Linq.XDocument.Load(path);
            var views = doc.Descendants("View").Where(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == typeof(AccessDecision).FullName).ToList();
            var list = views.First().Element("ListControl");
            Assert.NotNull(list);
            Assert.Equal(new[] { "Allowed", "Decision", "Principal", "Action", "Resource", "Reason", "Layers", "Trace" }, list!.Descendants("Label").Select(e => e.Value).ToArray());
            Assert.Contains(views, v => v.Element("TableControl") != null);
            foreach (var property in views.SelectMany(v => v.Descendants("PropertyName")).Select(e => e.Value))
            {
                Assert.NotNull(typeof(AccessDecision).GetProperty(property));
            }
        }
    }
}

namespace S3CrossAccount.Engine.Tests.Evaluation
{
    public class TestXAccountAccessHelpTests
    {
        private static string DocPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
            System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "../../../docs/Test-XAccountAccess.md"));

        [Fact]
        public void EveryExample_Parses_AndEveryParameter_IsDocumented()
        {
            var text = System.IO.File.ReadAllText(DocPath());
            var blocks = System.Text.RegularExpressions.Regex.Matches(text, "```powershell\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(blocks.Count >= 2);
            foreach (System.Text.RegularExpressions.Match block in blocks)
            {
                System.Management.Automation.Language.Parser.ParseInput(block.Groups[1].Value, out _, out var errors);
                Assert.Empty(errors);
            }

            using var s = new PowerShellSession();
            var names = s.Run("(Get-Command Test-XAccountAccess).Parameters.Keys").ShouldSucceed().All<string>()
                .Where(n => !System.Management.Automation.PSCmdlet.CommonParameters.Contains(n) && !System.Management.Automation.PSCmdlet.OptionalCommonParameters.Contains(n));
            foreach (var name in names)
            {
                Assert.Contains("### -" + name + "\n", text);
            }
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    public class PolicyDocsTests
    {
        public static readonly TheoryData<string> Cmdlets = new TheoryData<string>
        {
            "New-XAccountBucketPolicy", "New-XAccountIdentityPolicy", "New-XAccountAccessPolicy", "New-XAccountTrustPolicy",
            "New-XAccountAssumeRolePolicy", "New-XAccountPolicyStatement", "Merge-XAccountPolicy",
            "ConvertTo-XAccountPolicyJson", "ConvertFrom-XAccountPolicyJson", "Test-XAccountPolicy",
        };

        private static string DocsFolder()
        {
            var dir = new DirectoryInfo(Path.GetDirectoryName(PowerShellSession.ManifestPath)!);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "S3CrossAccount.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir!.FullName, "docs");
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void HelpDocument_DescribesEveryParameter_AndItsExamplesParse(string cmdlet)
        {
            var text = File.ReadAllText(Path.Combine(DocsFolder(), cmdlet + ".md"));
            Assert.StartsWith("# " + cmdlet + "\n## SYNOPSIS\n", text);
            foreach (var section in new[] { "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## RELATED LINKS" })
            {
                Assert.Contains("\n" + section + "\n", text);
            }

            var examples = Regex.Matches(text, "```powershell\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            Assert.True(examples.Count >= 2, "at least two examples");
            foreach (var example in examples)
            {
                Parser.ParseInput(example, out _, out var errors);
                Assert.Empty(errors);
            }

            using var s = new PowerShellSession();
            var declared = s.Run($"(Get-Command {cmdlet}).Parameters.Keys").ShouldSucceed().All<string>()
                .Except(PSCmdlet.CommonParameters).Except(PSCmdlet.OptionalCommonParameters).OrderBy(x => x).ToArray();
            var documented = Regex.Matches(text.Substring(text.IndexOf("## PARAMETERS", StringComparison.Ordinal)), "^### -(\\w+)$", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).OrderBy(x => x).ToArray();
            Assert.Equal(declared, documented);
        }
    }
}

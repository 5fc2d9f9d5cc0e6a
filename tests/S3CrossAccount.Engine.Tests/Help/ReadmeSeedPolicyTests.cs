using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Help
{
    /// <summary>
    /// README.md promises that every policy of the seed documents is one command away: each powershell block
    /// that is directly followed by a json block is run in the engine, and its output must be the JSON shown
    /// (equal as AWS compares policies). The json blocks are the seeds' own policies with sample IDs.
    /// </summary>
    public class ReadmeSeedPolicyTests
    {
        private static readonly Regex CommandWithExpectedJson = new Regex(
            "```powershell\n(?<command>.*?)```\n```json\n(?<json>.*?)```", RegexOptions.Singleline);

        public static IEnumerable<object[]> Examples()
        {
            var readme = File.ReadAllText(Path.Combine(ModuleFiles.RepoRoot, "README.md")).Replace("\r\n", "\n");
            return CommandWithExpectedJson.Matches(readme).Select(m => new object[] { m.Groups["command"].Value.Trim(), m.Groups["json"].Value.Trim() });
        }

        [Fact]
        public void Readme_ShowsACommandForEverySeedPolicy()
        {
            // Identity x3, bucket x3 (seed 001's Allow/Deny pair among them), trust x2, access x2, assume-role x1:
            // fewer means a seed policy lost its command, or a block lost its expected JSON.
            Assert.Equal(11, Examples().Count());
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void ReadmeCommand_PrintsTheSeedPolicy(string command, string seedJson)
        {
            using var session = new PowerShellSession();
            var printed = session.Run(command).ShouldSucceed().Text;
            var expected = PolicyJson.Parse(seedJson);
            var actual = PolicyJson.Parse(printed);
            Assert.True(expected.SemanticEquals(actual), "README command\n" + command + "\nprinted\n" + printed + "\nbut the seed's policy is\n" + seedJson);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>The AWS Tools common parameters, names and aliases exactly (facts.md A1).</summary>
    public class AwsCmdletParameterTests
    {
        public static IEnumerable<object[]> Cmdlets => new[] { new object[] { "Get-XAccountIdentity" }, new object[] { "Get-XAccountCanonicalId" } };

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void CommonParameters_HaveAwsToolsAliases(string cmdlet)
        {
            using var session = new PowerShellSession();
            var parameters = session.Run($"(Get-Command {cmdlet}).Parameters.Values").ShouldSucceed().All<ParameterMetadata>().ToDictionary(p => p.Name);
            var expected = new Dictionary<string, string[]>
            {
                ["AccessKey"] = new[] { "AK" },
                ["SecretKey"] = new[] { "SK", "SecretAccessKey" },
                ["SessionToken"] = new[] { "ST" },
                ["ProfileName"] = new[] { "StoredCredentials", "AWSProfileName" },
                ["ProfileLocation"] = new[] { "AWSProfilesLocation", "ProfilesLocation" },
                ["Credential"] = Array.Empty<string>(),
                ["Region"] = Array.Empty<string>(),
                ["EndpointUrl"] = Array.Empty<string>(),
            };
            foreach (var pair in expected)
            {
                Assert.True(parameters.ContainsKey(pair.Key), pair.Key + " missing");
                Assert.Equal(pair.Value.OrderBy(a => a), parameters[pair.Key].Aliases.OrderBy(a => a));
            }

            Assert.Equal(typeof(object), parameters["Credential"].ParameterType);
            Assert.Equal(typeof(object), parameters["Region"].ParameterType);
            var credential = parameters["Credential"].ParameterSets.Values.Single();
            Assert.True(credential.ValueFromPipelineByPropertyName);
            Assert.False(credential.ValueFromPipeline);
        }
    }
}

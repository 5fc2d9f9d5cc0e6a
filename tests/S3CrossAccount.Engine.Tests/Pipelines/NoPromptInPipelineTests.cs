using System.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Pipelines
{
    /// <summary>
    /// PowerShell prompts for a mandatory parameter that cannot come from the pipeline before the first record
    /// arrives, even under pwsh -File. So in every parameter set that takes pipeline input, each mandatory
    /// parameter must take it too: a record without the value is then that record's error, not a prompt.
    /// Exempt: switches (never prompted: they choose the set), and the identity whose policy
    /// Grant-XAccountAssumeRole and Set-XAccountIdentityPolicy change, which must not bind from a piped role
    /// object's RoleName (the role to assume, in the other account). Not yet done: New-XAccountRole's -RoleName and
    /// -TrustedPrincipal (binding them by property name breaks a trust policy piped by value into the TrustPolicy set).
    /// </summary>
    public class NoPromptInPipelineTests
    {
        [Fact]
        public void EveryMandatoryParameter_OfAPipelineParameterSet_TakesPipelineInput()
        {
            using var s = new PowerShellSession();
            var r = s.Run(
                "foreach ($c in Get-Command -Module S3CrossAccount -CommandType Cmdlet) { foreach ($set in $c.ParameterSets) {\n" +
                "  $piped = @($set.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName })\n" +
                "  if ($piped.Count -eq 0) { continue }\n" +
                "  foreach ($p in $set.Parameters) {\n" +
                "    if ($p.ParameterType -eq [switch]) { continue }\n" +
                "    if ($c.Name -in 'Grant-XAccountAssumeRole', 'Set-XAccountIdentityPolicy' -and $p.Name -in 'UserName', 'RoleName', 'GroupName') { continue }\n" +
                "    if ($c.Name -eq 'New-XAccountRole' -and $p.Name -in 'RoleName', 'TrustedPrincipal') { continue }\n" +
                "    if ($p.IsMandatory -and -not ($p.ValueFromPipeline -or $p.ValueFromPipelineByPropertyName)) { \"$($c.Name) [$($set.Name)] -$($p.Name)\" } } } }").ShouldSucceed();
            Assert.True(r.Output.Count == 0, string.Join("; ", r.Output.Select(o => o.ToString())));
        }
    }
}

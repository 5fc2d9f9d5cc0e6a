using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>
    /// The import-time rule, where it is enforced: PowerShell reflects over every cmdlet class at import (parameters
    /// are properties; the loader lays out fields), so no field, property or parameter of a cmdlet, or of a base class
    /// it inherits from in the module, may have a type from S3CrossAccount.Aws or AWSSDK.*. Method bodies and
    /// signatures may: they load the AWS side only when a cmdlet runs. <see cref="AssemblyIsolationTests"/> proves
    /// the outcome (an import loads no AWS assembly); this test names the member that would break it.
    /// </summary>
    public class ImportTimeRuleTests
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        [Fact]
        public void NoCmdletFieldPropertyOrParameter_HasAnAwsType()
        {
            using var session = new PowerShellSession();
            var exported = (int)session.Run("(Get-Command -Module S3CrossAccount -CommandType Cmdlet).Count").ShouldSucceed().Output.Single().BaseObject;
            var module = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "S3CrossAccount");
            var cmdlets = module.GetTypes().Where(t => typeof(Cmdlet).IsAssignableFrom(t) && t.IsDefined(typeof(CmdletAttribute))).ToList();
            Assert.Equal(exported, cmdlets.Count);

            var offending = cmdlets
                .SelectMany(ModuleHierarchy).Distinct()
                .SelectMany(t => t.GetFields(Declared)
                    .Select(f => (Member: t.Name + "." + f.Name, Type: f.FieldType))
                    .Concat(t.GetProperties(Declared).Select(p => (Member: t.Name + "." + p.Name, Type: p.PropertyType))))
                .Where(m => FromAws(m.Type))
                .Select(m => m.Member + " : " + m.Type.FullName)
                .ToList();
            Assert.Empty(offending);
        }

        [Fact]
        public void EveryCmdlet_HasItsHelpUri_OnItsMarkdownPage()
        {
            using var session = new PowerShellSession();
            var r = session.Run("Get-Command -Module S3CrossAccount -CommandType Cmdlet | ForEach-Object { $_.Name + '|' + $_.HelpUri }").ShouldSucceed();
            Assert.NotEmpty(r.Output);
            foreach (var line in r.Output.Select(o => o.ToString()))
            {
                var name = line.Split('|')[0];
                Assert.Equal(name + "|https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/" + name + ".md", line);
            }
        }

        /// <summary>The type and its base classes declared in the module (its own members and those it inherits).</summary>
        private static IEnumerable<Type> ModuleHierarchy(Type cmdlet)
        {
            for (var t = cmdlet; t != null && t.Assembly == cmdlet.Assembly; t = t.BaseType)
            {
                yield return t;
            }
        }

        private static bool FromAws(Type type)
        {
            if (type.HasElementType)
            {
                return FromAws(type.GetElementType()!);
            }

            var assembly = type.Assembly.GetName().Name ?? string.Empty;
            return assembly == "S3CrossAccount.Aws" || assembly.StartsWith("AWSSDK.", StringComparison.Ordinal)
                || (type.IsGenericType && type.GetGenericArguments().Any(FromAws));
        }
    }
}

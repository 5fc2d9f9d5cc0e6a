using System.Linq;
using System.Reflection;
using Xunit;

namespace S3CrossAccount.Aws.Tests
{
    public class PackageBoundaryTests
    {
        /// <summary>The cmdlet assembly must never see an AWSSDK type: its public surface is Core only.</summary>
        [Fact]
        public void AdapterPublicSurface_ExposesNoAwsSdkTypes()
        {
            var assembly = Assembly.Load("S3CrossAccount.Aws");
            var leaks = assembly.GetExportedTypes()
                .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .SelectMany(m => SignatureTypes(m)).Select(x => (t.FullName, x)))
                .Where(p => p.x.Namespace != null && p.x.Namespace.StartsWith("Amazon"))
                .Select(p => p.FullName + " -> " + p.x.FullName)
                .Distinct()
                .ToList();
            Assert.Empty(leaks);
        }

        private static System.Collections.Generic.IEnumerable<System.Type> SignatureTypes(MemberInfo member)
        {
            switch (member)
            {
                case MethodInfo m:
                    yield return m.ReturnType;
                    foreach (var p in m.GetParameters()) yield return p.ParameterType;
                    break;
                case PropertyInfo p:
                    yield return p.PropertyType;
                    break;
                case FieldInfo f:
                    yield return f.FieldType;
                    break;
                case ConstructorInfo c:
                    foreach (var p in c.GetParameters()) yield return p.ParameterType;
                    break;
            }
        }
    }
}

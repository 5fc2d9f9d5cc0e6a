using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace S3CrossAccount.Loader
{
    /// <summary>
    /// A private load context for the module's AWS adapter and its AWSSDK assemblies.
    /// S3CrossAccount.Core and anything not shipped in dependencies/ (the framework,
    /// System.Management.Automation) come from the default context, so Core types cross the
    /// boundary unchanged while AWSSDK.Core never collides with the copy AWS Tools loads.
    /// Pattern: docs.microsoft.com "Resolving PowerShell module assembly dependency conflicts".
    /// </summary>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly ConcurrentDictionary<string, DependencyLoadContext> Contexts =
            new ConcurrentDictionary<string, DependencyLoadContext>(StringComparer.OrdinalIgnoreCase);

        private readonly string _directory;

        private DependencyLoadContext(string directory)
            : base("S3CrossAccount", isCollectible: false)
        {
            _directory = directory;
        }

        /// <summary>One context per dependencies folder for the life of the process.</summary>
        public static Func<AssemblyName, Assembly?> GetLoader(string dependencyDirectory)
        {
            var context = Contexts.GetOrAdd(Path.GetFullPath(dependencyDirectory), d => new DependencyLoadContext(d));
            return context.LoadFromAssemblyName;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? string.Empty;
            if (!ShouldIsolate(name))
            {
                return null;
            }

            var path = Path.Combine(_directory, name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        // Only the adapter and the AWS SDK are private. Polyfills shipped for Windows PowerShell 5.1
        // (System.Text.Json, Microsoft.Bcl.*) are older than PowerShell 7's own and must defer to them.
        private static bool ShouldIsolate(string name) =>
            name.Equals("S3CrossAccount.Aws", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase);
    }
}

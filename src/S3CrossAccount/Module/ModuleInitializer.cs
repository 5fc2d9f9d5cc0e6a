using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace S3CrossAccount.Commands.Module
{
    /// <summary>
    /// Keeps the module's AWS SDK away from anybody else's. Nothing here loads an AWS assembly:
    /// S3CrossAccount.Aws (and through it AWSSDK.*) is only resolved when a cmdlet first needs AWS.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyResolver.Register();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }

    /// <summary>
    /// PowerShell 7: S3CrossAccount.Aws is loaded through the private AssemblyLoadContext that
    /// S3CrossAccount.Loader creates, so its AWSSDK.Core is the module's own even when AWS Tools
    /// loaded another build of the same assembly version first (or loads one later).
    /// Windows PowerShell 5.1 has a single load context per AppDomain: there the dependencies are
    /// loaded with LoadFrom from dependencies/, which is NOT isolated from AWS Tools (documented in README).
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static bool s_registered;
        private static Func<AssemblyName, Assembly?>? s_isolatedLoad;

        internal static string ModuleDirectory { get; } =
            Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".";

        internal static string DependencyDirectory { get; } = Path.Combine(ModuleDirectory, "dependencies");

        internal static bool IsIsolated => s_isolatedLoad != null;

        internal static void Register()
        {
            lock (Gate)
            {
                if (s_registered)
                {
                    return;
                }

                if (IsDotNetCore())
                {
                    s_isolatedLoad = CreateIsolatedLoader();
                }

                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                s_registered = true;
            }
        }

        internal static void Unregister()
        {
            lock (Gate)
            {
                // The load context itself stays: assemblies cannot be unloaded from it while types
                // from them may still be referenced, and a re-import reuses it.
                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                s_registered = false;
            }
        }

        private static bool IsDotNetCore() =>
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
                .StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        private static Func<AssemblyName, Assembly?> CreateIsolatedLoader()
        {
            var loaderPath = Path.Combine(DependencyDirectory, "S3CrossAccount.Loader.dll");
            var loader = Assembly.LoadFrom(loaderPath);
            var type = loader.GetType("S3CrossAccount.Loader.DependencyLoadContext", throwOnError: true)!;
            var method = type.GetMethod("GetLoader", BindingFlags.Public | BindingFlags.Static)!;
            return (Func<AssemblyName, Assembly?>)method.Invoke(null, new object[] { DependencyDirectory })!;
        }

        private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            if (string.Equals(name.Name, "S3CrossAccount.Core", StringComparison.OrdinalIgnoreCase))
            {
                return Assembly.LoadFrom(Path.Combine(ModuleDirectory, "S3CrossAccount.Core.dll"));
            }

            if (s_isolatedLoad != null)
            {
                // Only the adapter is asked for from the default context; everything it needs
                // (AWSSDK.*) is then resolved inside the private context.
                return string.Equals(name.Name, "S3CrossAccount.Aws", StringComparison.OrdinalIgnoreCase)
                    ? s_isolatedLoad(name)
                    : null;
            }

            var candidate = Path.Combine(DependencyDirectory, name.Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}

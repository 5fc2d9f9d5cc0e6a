using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

// Usage: XAccountShell [--load <assembly.dll>]... [--no-import] [--timing] [--assemblies] "<pipeline>"
//   --load        loads an assembly into the process before the module (e.g. another AWSSDK.Core build)
//   --timing      prints to stderr, in ms since the process's Main started: "engine-ms" (runspace open),
//                 "import-ms" (Import-Module done), "first-result-ms" (the pipeline done); and
//                 "module-import-ms", the Import-Module call alone
//   --assemblies  prints the loaded assemblies (name, load context) to stderr after the pipeline
var stopwatch = Stopwatch.StartNew();
var loads = new List<string>();
bool timing = false, listAssemblies = false, import = true;
string? script = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--load": loads.Add(args[++i]); break;
        case "--timing": timing = true; break;
        case "--assemblies": listAssemblies = true; break;
        case "--no-import": import = false; break;
        default: script = args[i]; break;
    }
}

foreach (var path in loads)
{
    Assembly.LoadFrom(path);
}

var manifest = Environment.GetEnvironmentVariable("S3CROSSACCOUNT_MANIFEST")
    ?? typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "ModuleManifest").Value!;

var iss = InitialSessionState.CreateDefault2();
using var runspace = RunspaceFactory.CreateRunspace(iss);
runspace.Open();
var engineMs = stopwatch.Elapsed.TotalMilliseconds;
var exitCode = 0;
if (import)
{
    exitCode = Invoke($"Import-Module '{manifest}' -ErrorAction Stop");
}

var importMs = stopwatch.Elapsed.TotalMilliseconds;
if (exitCode == 0 && script != null)
{
    exitCode = Invoke(script);
}

if (timing)
{
    Console.Error.WriteLine($"engine-ms={engineMs:F1}");
    Console.Error.WriteLine($"import-ms={importMs:F1}");
    Console.Error.WriteLine($"module-import-ms={importMs - engineMs:F1}");
    Console.Error.WriteLine($"first-result-ms={stopwatch.Elapsed.TotalMilliseconds:F1}");
}

if (listAssemblies)
{
    foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
    {
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "?";
        Console.Error.WriteLine($"assembly={assembly.GetName().Name}|{context}|{(assembly.IsDynamic ? "" : assembly.Location)}");
    }
}

return exitCode;

int Invoke(string text)
{
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    ps.AddScript(text);
    try
    {
        foreach (var item in ps.Invoke())
        {
            if (item != null)
            {
                Console.WriteLine(item.BaseObject is string s ? s : Render(item));
            }
        }
    }
    catch (RuntimeException ex)
    {
        Console.Error.WriteLine($"{ex.ErrorRecord.FullyQualifiedErrorId}: {ex.Message}");
        return 1;
    }

    foreach (var error in ps.Streams.Error)
    {
        Console.Error.WriteLine($"{error.FullyQualifiedErrorId}: {error}");
    }

    foreach (var warning in ps.Streams.Warning)
    {
        Console.Error.WriteLine($"WARNING: {warning.Message}");
    }

    return ps.Streams.Error.Count > 0 ? 1 : 0;
}

// The engine package has no Out-String (Microsoft.PowerShell.Utility is not in it), so objects are
// shown as a plain property list.
static string Render(PSObject item) =>
    string.Join(Environment.NewLine, item.Properties
        .Where(p => p.IsGettable)
        .Select(p => $"{p.Name,-20}: {SafeValue(p)}")) + Environment.NewLine;

static object? SafeValue(PSPropertyInfo property)
{
    try
    {
        return property.Value;
    }
    catch (Exception)
    {
        return null;
    }
}

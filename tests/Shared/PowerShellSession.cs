using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

// One file, compiled into the engine-hosted tests and the integration tests (each csproj links it and sets the
// assembly's ModuleLocation to the packaged manifest), and through the latter into the bulk benchmarks.
namespace S3CrossAccount.TestSupport
{
    /// <summary>Where the packaged module's manifest is (set by the csproj from $(ModuleOutDir)).</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class ModuleLocationAttribute : Attribute
    {
        public ModuleLocationAttribute(string manifestPath) => ManifestPath = manifestPath;

        public string ManifestPath { get; }
    }

    /// <summary>The outcome of one pipeline: its output and every stream, for exact assertions.</summary>
    public sealed class PipelineResult
    {
        public PipelineResult(Collection<PSObject> output, PSDataStreams streams, Exception? terminating)
        {
            Output = output.Where(o => o != null).ToList();
            Errors = streams.Error.ToList();
            Warnings = streams.Warning.Select(w => w.Message).ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Debug = streams.Debug.Select(d => d.Message).ToList();
            Information = streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList();
            Progress = streams.Progress.ToList();
            Terminating = terminating;
        }

        public IReadOnlyList<PSObject> Output { get; }
        public IReadOnlyList<ErrorRecord> Errors { get; }
        public IReadOnlyList<string> Warnings { get; }
        public IReadOnlyList<string> Verbose { get; }
        public IReadOnlyList<string> Debug { get; }
        public IReadOnlyList<string> Information { get; }
        public IReadOnlyList<ProgressRecord> Progress { get; }
        public Exception? Terminating { get; }

        /// <summary>The terminating error's record, or the first non-terminating one.</summary>
        public ErrorRecord? FirstError =>
            (Terminating as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault();

        public T Single<T>() => (T)Output.Single().BaseObject;

        public IEnumerable<T> All<T>() => Output.Select(o => (T)o.BaseObject);

        /// <summary>The output as strings (for pipelines ending in ConvertTo-XAccountPolicyJson).</summary>
        public string Text => string.Join(Environment.NewLine, Output.Select(o => o.ToString()));

        public PipelineResult ShouldSucceed()
        {
            if (Terminating != null || Errors.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("pipeline failed: " + (FirstError?.FullyQualifiedErrorId + ": " + FirstError?.Exception.Message));
            }

            return this;
        }
    }

    /// <summary>
    /// A runspace that has imported the packaged module by its manifest. Tests read like PowerShell:
    /// <c>session.Run("New-XAccountBucketPolicy -Bucket b ... | ConvertTo-XAccountPolicyJson")</c>.
    /// </summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellSession(bool importModule = true)
        {
            var iss = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(iss);
            _runspace.Open();
            if (importModule)
            {
                Run($"Import-Module '{ManifestPath}' -ErrorAction Stop").ShouldSucceed();
            }
        }

        public static string ManifestPath =>
            typeof(PowerShellSession).Assembly.GetCustomAttribute<ModuleLocationAttribute>()!.ManifestPath;

        public PipelineResult Run(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            if (variables != null)
            {
                foreach (var pair in variables)
                {
                    _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
                }
            }

            ps.AddScript(script);
            try
            {
                var output = ps.Invoke();
                return new PipelineResult(output, ps.Streams, null);
            }
            catch (RuntimeException ex)
            {
                return new PipelineResult(new Collection<PSObject>(), ps.Streams, ex);
            }
        }

        public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        public void Dispose() => _runspace.Dispose();
    }
}

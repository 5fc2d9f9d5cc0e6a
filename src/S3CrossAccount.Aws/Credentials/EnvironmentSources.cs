using System;
using System.Collections.Generic;

namespace S3CrossAccount.Aws.Credentials
{
    /// <summary>Environment variables, behind an interface so tests never touch the process's own.</summary>
    public interface IEnvironmentSource
    {
        string? Get(string name);
    }

    /// <summary>
    /// PowerShell session variables ($StoredAWSCredentials, $StoredAWSRegion). The cmdlet reads them
    /// through its own SessionState, so a value set in an outer scope is seen.
    /// </summary>
    public interface ISessionVariableSource
    {
        /// <summary>The variable's value with any PowerShell wrapper removed, or null.</summary>
        object? Get(string name);
    }

    public sealed class ProcessEnvironment : IEnvironmentSource
    {
        public static ProcessEnvironment Instance { get; } = new ProcessEnvironment();

        public string? Get(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>A fixed set of variables (tests, and callers that want no environment at all).</summary>
    public sealed class DictionaryEnvironment : IEnvironmentSource, ISessionVariableSource
    {
        private readonly Dictionary<string, object?> _values;

        public DictionaryEnvironment(IDictionary<string, object?>? values = null)
        {
            _values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (values != null)
            {
                foreach (var pair in values) _values[pair.Key] = pair.Value;
            }
        }

        public DictionaryEnvironment Set(string name, object? value)
        {
            _values[name] = value;
            return this;
        }

        string? IEnvironmentSource.Get(string name) =>
            _values.TryGetValue(name, out var value) && value is string s && s.Length > 0 ? s : null;

        object? ISessionVariableSource.Get(string name) =>
            _values.TryGetValue(name, out var value) ? value : null;
    }
}

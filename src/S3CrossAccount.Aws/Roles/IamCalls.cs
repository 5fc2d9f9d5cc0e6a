using System;
using System.Threading.Tasks;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>
    /// Runs IAM calls and names each one on the Verbose stream (service, operation, target) before it
    /// is made; the target is a role, policy or identity name, never a document or a key.
    /// </summary>
    internal sealed class IamCalls
    {
        private readonly Action<string>? _verbose;

        internal IamCalls(Action<string>? verbose) => _verbose = verbose;

        internal T Run<T>(string operation, string target, Func<Task<T>> call)
        {
            _verbose?.Invoke($"IAM {operation} {target}");
            return call().ConfigureAwait(false).GetAwaiter().GetResult();
        }

        internal void Note(string message) => _verbose?.Invoke(message);
    }
}

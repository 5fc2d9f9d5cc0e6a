using System;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Clients;

namespace S3CrossAccount.Aws.Buckets
{
    /// <summary>
    /// Runs S3 calls: names each one on the Verbose stream before it is made ("S3 PutBucketPolicy
    /// bucket"; the target is a bucket or bucket/key, never a document or a key), and turns any failure
    /// into an XAccountException with the bucket as target.
    /// </summary>
    internal sealed class S3Calls
    {
        private readonly Action<string>? _verbose;

        internal S3Calls(Action<string>? verbose) => _verbose = verbose;

        /// <param name="accessDeniedAction">The advice for an AccessDenied on this call (which account's policy must allow what).</param>
        internal T Run<T>(string operation, string bucket, string target, Func<Task<T>> call, string? accessDeniedAction = null)
        {
            _verbose?.Invoke($"S3 {operation} {target}");
            try
            {
                return call().ConfigureAwait(false).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                throw AwsErrorMapper.Map(ex, bucket, "S3 " + operation, accessDeniedAction);
            }
        }

        internal void Note(string message) => _verbose?.Invoke(message);
    }
}

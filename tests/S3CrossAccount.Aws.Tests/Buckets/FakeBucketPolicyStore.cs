using System;
using System.Collections.Generic;
using System.Threading;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Tests.Buckets
{
    /// <summary>An in-memory bucket-policy store that records every call and can be told to fail or to drift.</summary>
    internal sealed class FakeBucketPolicyStore : IBucketPolicyStore
    {
        public Dictionary<string, string> Policies { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> Calls { get; } = new List<string>();

        /// <summary>Thrown by the next Put (and every Put while set), after it is recorded.</summary>
        public XAccountException? PutFailure { get; set; }

        /// <summary>What every Get after a write returns instead of the stored text (a concurrent writer, a mangling server).</summary>
        public string? ReadBackOverride { get; set; }

        /// <summary>Runs after each successful Put or Delete: another writer's write landing right after this one.</summary>
        public Action<Dictionary<string, string>>? AfterWrite { get; set; }

        /// <summary>Thrown by every Get after a write (a throttled or failed verification read).</summary>
        public XAccountException? ReadBackFailure { get; set; }

        private bool _written;

        public string? Get(string bucket, CancellationToken ct)
        {
            Calls.Add("GetBucketPolicy " + bucket);
            if (_written && ReadBackFailure != null)
            {
                throw ReadBackFailure;
            }

            if (_written && ReadBackOverride != null)
            {
                return ReadBackOverride;
            }

            return Policies.TryGetValue(bucket, out var text) ? text : null;
        }

        public void Put(string bucket, string policyJson, CancellationToken ct)
        {
            Calls.Add("PutBucketPolicy " + bucket);
            if (PutFailure != null)
            {
                throw PutFailure;
            }

            Policies[bucket] = policyJson;
            _written = true;
            AfterWrite?.Invoke(Policies);
        }

        public void Delete(string bucket, CancellationToken ct)
        {
            Calls.Add("DeleteBucketPolicy " + bucket);
            Policies.Remove(bucket);
            _written = true;
            AfterWrite?.Invoke(Policies);
        }

        public void Dispose()
        {
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Roles;
using S3CrossAccount.Core.Sessions;
using Sdk = Amazon.SecurityToken.Model;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>
    /// STS AssumeRole for Use-XAccountRole. Right after a role or its trust policy was created, IAM
    /// may not yet let STS see it: "changes ... might not be immediately visible"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency),
    /// so AccessDenied is retried with exponential backoff for a bounded time.
    /// </summary>
    public sealed class RoleAssumer
    {
        private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

        private readonly Func<AssumeRoleOptions, CancellationToken, Task<XAccountCredential>> _call;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Func<TimeSpan> _elapsed;
        private readonly AwsCalls _calls;

        public RoleAssumer(AwsSession session, Action<string>? verbose = null)
            : this(StsCall(session ?? throw new ArgumentNullException(nameof(session))), Task.Delay, StartClock(), verbose)
        {
        }

        /// <summary>Test seam: the call (run on the module's call path, which names it and maps its failure), the wait and the clock are given.</summary>
        internal RoleAssumer(Func<AssumeRoleOptions, CancellationToken, Task<XAccountCredential>> call, Func<TimeSpan, CancellationToken, Task> delay, Func<TimeSpan> elapsed, Action<string>? verbose)
        {
            _call = call;
            _delay = delay;
            _elapsed = elapsed;
            _calls = new AwsCalls(verbose);
        }

        public XAccountCredential Assume(AssumeRoleOptions options, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            RoleNames.FromArn(options.RoleArn);
            var delay = FirstDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return _calls.Run("STS", "AssumeRole", $"{options.RoleArn} (session {options.RoleSessionName}, attempt {attempt})",
                        () => _call(options, cancellationToken), options.RoleArn);
                }
                catch (XAccountException ex) when (ex.Code == ErrorCode.AccessDenied)
                {
                    var elapsed = _elapsed();
                    if (elapsed + delay > options.PropagationTimeout)
                    {
                        throw new XAccountException(ErrorCode.RoleNotAssumable,
                            $"STS AssumeRole of {options.RoleArn} was denied ({attempt} attempts over {elapsed.TotalSeconds:F0} s): {ex.Message}",
                            options.RoleArn,
                            "The role's trust policy (in the role's account) must name the caller, and the caller's identity policy must allow sts:AssumeRole on the role (Grant-XAccountAssumeRole). Check -ExternalId and MFA if the trust policy requires them.",
                            ex);
                    }

                    _calls.Note($"STS AssumeRole was denied; IAM changes can take a few seconds to reach STS. Retrying in {delay.TotalSeconds:F0} s (waited {elapsed.TotalSeconds:F0} s of {options.PropagationTimeout.TotalSeconds:F0} s).");
                    _delay(delay, cancellationToken).ConfigureAwait(false).GetAwaiter().GetResult();
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
                }
            }
        }

        private static Func<TimeSpan> StartClock()
        {
            var watch = Stopwatch.StartNew();
            return () => watch.Elapsed;
        }

        private static Func<AssumeRoleOptions, CancellationToken, Task<XAccountCredential>> StsCall(AwsSession session) => async (options, ct) =>
        {
            var request = new Sdk.AssumeRoleRequest
            {
                RoleArn = options.RoleArn,
                RoleSessionName = options.RoleSessionName,
                DurationSeconds = options.DurationSeconds,
                ExternalId = options.ExternalId,
                SerialNumber = options.SerialNumber,
                TokenCode = options.TokenCode,
                SourceIdentity = options.SourceIdentity,
            };
            if (options.Tags != null && options.Tags.Count > 0)
            {
                request.Tags = options.Tags.Select(t => new Sdk.Tag { Key = t.Key, Value = t.Value }).ToList();
            }

            using var client = AwsClientFactory.CreateStsClient(session);
            var response = await client.AssumeRoleAsync(request, ct).ConfigureAwait(false);
            var c = response.Credentials;
            DateTimeOffset? expiration = c.Expiration.HasValue ? new DateTimeOffset(c.Expiration.Value) : (DateTimeOffset?)null;
            return new XAccountCredential(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, expiration, options.RoleArn,
                "assumed role " + (response.AssumedRoleUser?.Arn ?? options.RoleArn));
        };
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Roles;
using S3CrossAccount.Core.Sessions;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Roles
{
    public class RoleAssumerTests
    {
        private const string RoleArn = "arn:aws:iam::111122223333:role/S3Reader";

        private sealed class Script
        {
            internal readonly List<TimeSpan> Waits = new List<TimeSpan>();
            internal readonly List<string> Verbose = new List<string>();
            internal TimeSpan Clock = TimeSpan.Zero;
            internal int Calls;

            internal RoleAssumer Assumer(int deniedTimes, ErrorCode error = ErrorCode.AccessDenied) => new RoleAssumer(
                (options, ct) =>
                {
                    Calls++;
                    if (Calls <= deniedTimes) throw new XAccountException(error, "STS AssumeRole failed: AccessDenied", options.RoleArn);
                    return Task.FromResult(new XAccountCredential("ASIAEXAMPLE", "secret-value", "token-value", null, options.RoleArn));
                },
                (wait, ct) => { Waits.Add(wait); Clock += wait; return Task.CompletedTask; },
                () => Clock,
                Verbose.Add);
        }

        [Fact]
        public void AccessDeniedRightAfterCreation_IsRetriedWithExponentialBackoff_ThenSucceeds()
        {
            var s = new Script();

            var credential = s.Assumer(deniedTimes: 3).Assume(new AssumeRoleOptions { RoleArn = RoleArn, RoleSessionName = "s1" });

            Assert.Equal("ASIAEXAMPLE", credential.AccessKey);
            Assert.Equal(4, s.Calls);
            Assert.Equal(new[] { 1, 2, 4 }, s.Waits.ConvertAll(w => (int)w.TotalSeconds));
            Assert.Equal(3, s.Verbose.FindAll(v => v.StartsWith("STS AssumeRole was denied", StringComparison.Ordinal)).Count);
            Assert.DoesNotContain(s.Verbose, v => v.Contains("secret-value") || v.Contains("token-value"));
        }

        [Fact]
        public void BackoffIsCappedAtEightSeconds_AndGivesUpAtThePropagationTimeout()
        {
            var s = new Script();

            var ex = Assert.Throws<XAccountException>(() => s.Assumer(deniedTimes: int.MaxValue)
                .Assume(new AssumeRoleOptions { RoleArn = RoleArn, RoleSessionName = "s1", PropagationTimeout = TimeSpan.FromSeconds(30) }));

            Assert.Equal(ErrorCode.RoleNotAssumable, ex.Code);
            Assert.Equal(RoleArn, ex.Target);
            Assert.Contains("Grant-XAccountAssumeRole", ex.RecommendedAction);
            Assert.Equal(new[] { 1, 2, 4, 8, 8 }, s.Waits.ConvertAll(w => (int)w.TotalSeconds));
        }

        [Fact]
        public void ZeroTimeout_DoesNotRetry_AndOtherErrorsAreNeverRetried()
        {
            var s = new Script();
            Assert.Throws<XAccountException>(() => s.Assumer(1).Assume(new AssumeRoleOptions { RoleArn = RoleArn, PropagationTimeout = TimeSpan.Zero }));
            Assert.Equal(1, s.Calls);

            var t = new Script();
            var ex = Assert.Throws<XAccountException>(() => t.Assumer(1, ErrorCode.CredentialsRejected).Assume(new AssumeRoleOptions { RoleArn = RoleArn }));
            Assert.Equal(ErrorCode.CredentialsRejected, ex.Code);
            Assert.Empty(t.Waits);
        }

        [Fact]
        public void NotARoleArn_IsInvalidArn_BeforeAnyCall()
        {
            var s = new Script();
            var ex = Assert.Throws<XAccountException>(() => s.Assumer(0).Assume(new AssumeRoleOptions { RoleArn = "arn:aws:iam::111122223333:user/alice" }));
            Assert.Equal(ErrorCode.InvalidArn, ex.Code);
            Assert.Equal(0, s.Calls);
        }
    }
}

using System;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>Every test class that needs the server: <c>[Collection(RgwCollection.Name)]</c>.</summary>
    [CollectionDefinition(Name)]
    public sealed class RgwCollection : ICollectionFixture<RgwFixture>
    {
        public const string Name = "rgw";
    }

    /// <summary>
    /// Starts radosgw once per test run (xunit collection fixture) and stops it in Dispose and on
    /// process exit (ProcessExit, SIGTERM/SIGINT/SIGQUIT; start.sh's watchdog covers SIGKILL), whatever
    /// the tests did. Tests call <see cref="Require"/> inside a [SkippableFact]:
    /// when the server could not be started the test is reported SKIPPED with the reason, unless
    /// S3XA_REQUIRE_INTEGRATION=1 (CI), in which case the fixture throws and every test FAILS.
    /// </summary>
    public sealed class RgwFixture : IDisposable
    {
        public const string RequireVariable = "S3XA_REQUIRE_INTEGRATION";

        /// <summary>Opt out on a machine where apt-get install should not happen (ignored, i.e. a failure, under RequireVariable).</summary>
        public const string SkipVariable = "S3XA_SKIP_INTEGRATION";

        private readonly RgwServer? _server;
        private readonly EventHandler _onExit;
        private readonly PosixSignalRegistration[] _signals;

        public RgwFixture(IMessageSink diagnostics)
        {
            try
            {
                if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
                {
                    throw new RgwUnavailableException($"{SkipVariable}=1");
                }

                _server = RgwServer.Start();
                diagnostics.OnMessage(new DiagnosticMessage(
                    $"radosgw started in {_server.StartupTime.TotalSeconds:F1} s at {_server.Endpoint} (state {_server.StateDir})"));
            }
            catch (Exception ex) when (!IsRequired)
            {
                UnavailableReason = "radosgw integration server unavailable: " + ex.Message;
                diagnostics.OnMessage(new DiagnosticMessage(UnavailableReason + $" (set {RequireVariable}=1 to make this a failure)"));
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    $"{RequireVariable}=1 but the radosgw integration server could not be started: {ex.Message}", ex);
            }

            _onExit = (_, _) => _server?.Stop();
            AppDomain.CurrentDomain.ProcessExit += _onExit;

            // The test host does not raise ProcessExit on SIGTERM/SIGINT (measured): stop on those too,
            // then let the default handling end the process. (SIGKILL: start.sh's watchdog stops it.)
            _signals = new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => _server?.Stop()))
                .ToArray();
        }

        public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

        /// <summary>Why the server is not there (null when it runs).</summary>
        public string? UnavailableReason { get; }

        /// <summary>The running server, or a skip (SkipException) with the reason. Call first in every test.</summary>
        public RgwServer Require()
        {
            Skip.If(_server == null, UnavailableReason);
            return _server!;
        }

        public void Dispose()
        {
            AppDomain.CurrentDomain.ProcessExit -= _onExit;
            foreach (var registration in _signals)
            {
                registration.Dispose();
            }

            _server?.Stop();
        }
    }
}

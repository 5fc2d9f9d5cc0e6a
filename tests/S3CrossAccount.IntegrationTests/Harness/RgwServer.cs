using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using S3CrossAccount.PesterTests;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>
    /// A running radosgw started by tests/integration/rgw/start.sh, with tenants A, B and C.
    /// Clients made here are for verification reads and set-up; scenario actions go through the module.
    /// </summary>
    public sealed class RgwServer : IDisposable
    {
        public const string Region = "us-east-1";

        private readonly object _stopLock = new object();
        private bool _stopped;

        private RgwServer(string stateDir, string endpoint, RgwAccount a, RgwAccount b, RgwAccount c, TimeSpan startupTime, string startLog)
        {
            StateDir = stateDir;
            Endpoint = endpoint;
            A = a;
            B = b;
            C = c;
            StartupTime = startupTime;
            StartLog = startLog;
        }

        public static string ScriptsDirectory =>
            typeof(RgwServer).Assembly.GetCustomAttribute<RgwScriptsAttribute>()!.Directory;

        /// <summary>The S3/IAM/STS endpoint, e.g. http://127.0.0.1:43960 (path-style S3).</summary>
        public string Endpoint { get; }

        /// <summary>Account A, 111122223333: owns the buckets in the seed scenarios.</summary>
        public RgwAccount A { get; }

        /// <summary>Account B, 222233334444: the other account given access.</summary>
        public RgwAccount B { get; }

        /// <summary>Account C, 333344445555: a third account (the role assumer in seed 001/003).</summary>
        public RgwAccount C { get; }

        public IReadOnlyList<RgwAccount> Accounts => new[] { A, B, C };

        public string StateDir { get; }

        public TimeSpan StartupTime { get; }

        public string StartLog { get; }

        /// <summary>Runs start.sh (installs the Debian packages when missing and root) and waits for it.</summary>
        /// <exception cref="RgwUnavailableException">the server could not be started; Message says why.</exception>
        public static RgwServer Start()
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new RgwUnavailableException("radosgw needs Linux (Debian packages ceph-mon ceph-osd radosgw)");
            }

            var scripts = ScriptsDirectory;
            ReapOrphans(scripts);
            var stateDir = Path.Combine(Path.GetTempPath(), "s3xa-rgw-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            var rgwPort = FreePort();
            var monPort = FreePort();
            while (monPort == rgwPort)
            {
                monPort = FreePort();
            }

            var watch = Stopwatch.StartNew();
            var (exit, output) = RunScript(Path.Combine(scripts, "start.sh"), stateDir, TimeSpan.FromMinutes(6),
                ("RGW_PORT", rgwPort.ToString()), ("MON_PORT", monPort.ToString()), ("S3XA_OWNER_PID", Environment.ProcessId.ToString()));
            watch.Stop();
            if (exit != 0)
            {
                // start.sh stops what it started on failure; stop again in case it was killed by the timeout.
                RunScript(Path.Combine(scripts, "stop.sh"), stateDir, TimeSpan.FromMinutes(1), ("_", "--kill"));
                var why = exit == 3 ? "cannot install the ceph packages" : $"start.sh exited with {exit}";
                throw new RgwUnavailableException($"{why}: {LastLines(output, 15)}");
            }

            var env = ReadEnv(Path.Combine(stateDir, "accounts.env"));
            var tenants = env["TENANTS"].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            RgwAccount Account(string label, string t) => new RgwAccount(label, t,
                env["ACCESS_KEY_" + t], env["SECRET_KEY_" + t], env["ACCESS_KEY_" + t + "_user"], env["SECRET_KEY_" + t + "_user"]);
            return new RgwServer(stateDir, env["RGW_ENDPOINT"],
                Account("A", tenants[0]), Account("B", tenants[1]), Account("C", tenants[2]), watch.Elapsed, output);
        }

        /// <summary>S3 client as the account's admin (or plain user) with the settings radosgw needs.</summary>
        public AmazonS3Client S3(RgwAccount account, bool asPlainUser = false) =>
            S3(asPlainUser ? account.UserCredentials : account.AdminCredentials);

        public AmazonS3Client S3(AWSCredentials credentials, string? endpoint = null, int? maxErrorRetry = null)
        {
            var config = new AmazonS3Config
            {
                ServiceURL = endpoint ?? Endpoint,
                ForcePathStyle = true,
                AuthenticationRegion = Region,
                // Default checksums make radosgw answer XAmzContentSHA256Mismatch (rgw README).
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            };
            if (maxErrorRetry.HasValue)
            {
                config.MaxErrorRetry = maxErrorRetry.Value;
            }

            return new AmazonS3Client(credentials, config);
        }

        public AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials, string? endpoint = null, int? maxErrorRetry = null)
        {
            var config = new AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoint ?? Endpoint,
                // radosgw answers 405 to STS signed for any region it does not know, e.g. "default".
                AuthenticationRegion = Region,
            };
            if (maxErrorRetry.HasValue)
            {
                config.MaxErrorRetry = maxErrorRetry.Value;
            }

            return new AmazonSecurityTokenServiceClient(credentials, config);
        }

        /// <summary>Raw SigV4 requests: IAM Query calls (no AWSSDK.IdentityManagement here) and S3 calls on <c>tenant:bucket</c>.</summary>
        public SignedRequestSender Raw(RgwAccount account, bool asPlainUser = false) => asPlainUser
            ? new SignedRequestSender(Endpoint, account.UserAccessKey, account.UserSecretKey)
            : new SignedRequestSender(Endpoint, account.AdminAccessKey, account.AdminSecretKey);

        /// <summary>A shared credentials file with profiles A, B, C (admins) and A-user, B-user, C-user.</summary>
        public TempProfileFile CreateProfileFile() => TempProfileFile.Create(this);

        /// <summary>
        /// The arguments every module cmdlet takes to reach this server as the given profile; through
        /// <paramref name="endpoint"/> instead (a <c>FaultProxy</c> in front of it) when given.
        /// </summary>
        public string CmdletArgs(TempProfileFile profiles, string profileName = "A", string? endpoint = null) =>
            $"-EndpointUrl '{endpoint ?? Endpoint}' -ProfileName '{profileName}' -ProfileLocation '{profiles.Path}' -Region {Region}";

        /// <summary>
        /// A hosted PowerShell engine with the packaged module imported and, for splatting into any
        /// module cmdlet, the hashtables <c>$A</c>, <c>$B</c>, <c>$C</c> (each account's admin) and
        /// <c>$AUser</c>, <c>$BUser</c>, <c>$CUser</c> (plain users), each
        /// <c>@{ EndpointUrl; ProfileName; ProfileLocation; Region }</c>; plus <c>$AccountIdA</c>,
        /// <c>$AccountIdB</c>, <c>$AccountIdC</c>. Example: <c>s.Run("Get-XAccountBucketPolicy -BucketName $bucket @A")</c>.
        /// </summary>
        public PowerShellSession OpenModuleSession(TempProfileFile profiles)
        {
            var session = new PowerShellSession();
            foreach (var account in Accounts)
            {
                session.SetVariable(account.Label, Splat(profiles, account.Label));
                session.SetVariable(account.Label + "User", Splat(profiles, account.Label + "-user"));
                session.SetVariable("AccountId" + account.Label, account.AccountId);
            }

            return session;
        }

        /// <summary>The common parameters as a hashtable for PowerShell splatting.</summary>
        public System.Collections.Hashtable Splat(TempProfileFile profiles, string profileName) => new System.Collections.Hashtable
        {
            ["EndpointUrl"] = Endpoint,
            ["ProfileName"] = profileName,
            ["ProfileLocation"] = profiles.Path,
            ["Region"] = Region,
        };

        /// <summary>
        /// Creates plain users <paramref name="uids"/> in the account (tenant) <paramref name="tenant"/>, for tests that
        /// need more grantees than the six standing users; a user that exists already is kept.
        /// </summary>
        public void EnsureUsers(string tenant, IEnumerable<string> uids)
        {
            var script = Path.Combine(StateDir, "ensure-users-" + Guid.NewGuid().ToString("N") + ".sh");
            File.WriteAllText(script, "for u in \"$@\"; do radosgw-admin -c \"$CEPH_DIR/ceph.conf\" user info --tenant " + tenant + " --uid \"$u\" >/dev/null 2>&1 || "
                + "radosgw-admin -c \"$CEPH_DIR/ceph.conf\" user create --tenant " + tenant + " --uid \"$u\" --display-name \"$u\" >/dev/null || exit 1; done\n");
            try
            {
                var (exit, output) = RunScript(script, StateDir, TimeSpan.FromMinutes(2), uids.Select(u => ("_", u)).ToArray());
                if (exit != 0) throw new InvalidOperationException("radosgw-admin user create failed: " + LastLines(output, 5));
            }
            finally
            {
                File.Delete(script);
            }
        }

        /// <summary>Stops every daemon by pid (idempotent) and deletes the state directory.</summary>
        public void Stop()
        {
            lock (_stopLock)
            {
                if (_stopped)
                {
                    return;
                }

                _stopped = true;
                RunScript(Path.Combine(ScriptsDirectory, "stop.sh"), StateDir, TimeSpan.FromMinutes(1), ("_", "--rm"));
            }
        }

        public void Dispose() => Stop();

        /// <summary>
        /// Stops clusters left by earlier runs whose test process died without stopping them (SIGKILL,
        /// a crashed test host): their owner.pid names a process that no longer exists.
        /// </summary>
        private static void ReapOrphans(string scripts)
        {
            foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "s3xa-rgw-*"))
            {
                var ownerFile = Path.Combine(dir, "owner.pid");
                if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile).Trim(), out var owner) || Directory.Exists("/proc/" + owner))
                {
                    continue;
                }

                RunScript(Path.Combine(scripts, "stop.sh"), dir, TimeSpan.FromMinutes(1), ("_", "--kill"), ("_", "--rm"));
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static Dictionary<string, string> ReadEnv(string path)
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadAllLines(path))
            {
                var eq = line.IndexOf('=');
                if (eq > 0)
                {
                    env[line.Substring(0, eq)] = line.Substring(eq + 1);
                }
            }

            if (!env.ContainsKey("READY"))
            {
                throw new RgwUnavailableException(path + " is incomplete");
            }

            return env;
        }

        /// <summary>Runs a script with CEPH_DIR set; ("_", arg) pairs are passed as arguments.</summary>
        private static (int Exit, string Output) RunScript(string script, string stateDir, TimeSpan timeout, params (string Name, string Value)[] env)
        {
            var psi = new ProcessStartInfo("bash");
            psi.ArgumentList.Add(script);
            foreach (var (name, value) in env)
            {
                if (name == "_")
                {
                    psi.ArgumentList.Add(value);
                }
                else
                {
                    psi.Environment[name] = value;
                }
            }

            psi.Environment["CEPH_DIR"] = stateDir;
            var (exit, output, timedOut) = ChildProcess.Run(psi, timeout);
            return timedOut ? (-1, output + $"\n{Path.GetFileName(script)} timed out after {timeout}") : (exit, output);
        }

        private static string LastLines(string text, int count) =>
            string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse().Take(count).Reverse().Select(l => l.TrimEnd()));
    }

    public sealed class RgwUnavailableException : Exception
    {
        public RgwUnavailableException(string message)
            : base(message)
        {
        }
    }
}

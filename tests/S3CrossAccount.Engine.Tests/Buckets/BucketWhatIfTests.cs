using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Buckets
{
    /// <summary>
    /// The exact -WhatIf text of the bucket cmdlets, as a user's console shows it. Set-XAccountBucketPolicy
    /// must read the current policy to compute the diff, so a loopback responder answers every request
    /// with one fixed bucket policy and records what was asked: a -WhatIf run must make that one read only.
    /// </summary>
    public class BucketWhatIfTests
    {
        private const string OwnerId = BucketCmdletValidationTests.OwnerId;
        private const string Current = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::333344445555:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket/public/*\"}]}";

        private static string KeysFor(FixedPolicyResponder responder) =>
            BucketCmdletValidationTests.Offline.Replace("http://127.0.0.1:9", responder.Url, StringComparison.Ordinal);

        internal static (IReadOnlyList<string> HostLines, IReadOnlyList<string> Verbose, IReadOnlyList<ErrorRecord> Errors, int Output) RunInHost(string script)
        {
            var host = new RecordingHost();
            using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript($"Import-Module '{PowerShellSession.ManifestPath}' -ErrorAction Stop; " + script);
            var output = ps.Invoke();
            return (host.Lines, ps.Streams.Verbose.Select(v => v.Message).ToList(), ps.Streams.Error.ToList(), output.Count);
        }

        [Fact]
        public void SetWhatIf_PrintsTheStatementsItWouldAdd_AndOnlyReads()
        {
            using var responder = new FixedPolicyResponder(Current);
            var offline = KeysFor(responder);

            var r = RunInHost($"New-XAccountBucketPolicy -Bucket reports-bucket -Principal 222233334444 | Set-XAccountBucketPolicy -Bucket reports-bucket -WhatIf {offline}");

            Assert.Empty(r.Errors);
            Assert.Equal(0, r.Output);
            var sid = Assert.Single(r.HostLines).Split("Added statement ")[1].Split(':')[0];
            Assert.Matches("^XAccount[0-9A-F]{12}$", sid);
            Assert.Equal(
                "What if: Performing the operation \"Merge into the bucket policy (1 statement change):" + Environment.NewLine
                + $"  Added statement {sid}: {{\"Sid\":\"{sid}\",\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"222233334444\"}},\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::reports-bucket/*\"}}\" on target \"reports-bucket\".",
                r.HostLines[0]);
            Assert.Equal(new[] { "GET /reports-bucket/?policy" }, responder.Requests);
        }

        [Fact]
        public void RemoveWhatIf_SaysThePolicyWouldBeDeleted_WhenTheLastStatementGoes()
        {
            using var responder = new FixedPolicyResponder(Current);
            var offline = KeysFor(responder);

            var r = RunInHost($"Remove-XAccountBucketPolicyStatement -Bucket reports-bucket -Sid Foreign -WhatIf {offline}");

            Assert.Empty(r.Errors);
            Assert.Equal(
                "What if: Performing the operation \"Delete the bucket policy (no statement is left) (1 statement change):" + Environment.NewLine
                + "  Removed statement Foreign: {\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::333344445555:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket/public/*\"}\" on target \"reports-bucket\".",
                Assert.Single(r.HostLines));
            Assert.Equal(new[] { "GET /reports-bucket/?policy" }, responder.Requests);
        }

        [Fact]
        public void SendWhatIf_NamesTheObjectAndTheGrant_WithoutAnyCall()
        {
            var r = RunInHost($"Send-XAccountObject -Bucket reports-bucket -Key in/HappyFace.jpg -Content smile -BucketOwnerCanonicalId {OwnerId} -WhatIf {BucketCmdletValidationTests.Offline}");

            Assert.Empty(r.Errors);
            Assert.Equal($"What if: Performing the operation \"Upload 5 characters with x-amz-grant-full-control: id=\"{OwnerId}\"\" on target \"reports-bucket/in/HappyFace.jpg\".",
                Assert.Single(r.HostLines));
        }

        /// <summary>Answers every HTTP request with 200 and the same policy JSON, and records "METHOD path".</summary>
        private sealed class FixedPolicyResponder : IDisposable
        {
            private readonly HttpListener _listener = new HttpListener();
            private readonly List<string> _requests = new List<string>();
            private readonly Task _loop;

            public FixedPolicyResponder(string body)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                Url = $"http://127.0.0.1:{port}/";
                _listener.Prefixes.Add(Url);
                _listener.Start();
                var bytes = Encoding.UTF8.GetBytes(body);
                _loop = Task.Run(async () =>
                {
                    while (_listener.IsListening)
                    {
                        HttpListenerContext context;
                        try { context = await _listener.GetContextAsync(); }
                        catch (Exception) { return; }
                        lock (_requests) _requests.Add(context.Request.HttpMethod + " " + context.Request.RawUrl);
                        context.Response.StatusCode = 200;
                        context.Response.ContentLength64 = bytes.Length;
                        await context.Response.OutputStream.WriteAsync(bytes);
                        context.Response.Close();
                    }
                });
            }

            public string Url { get; }

            public IReadOnlyList<string> Requests
            {
                get { lock (_requests) return _requests.ToArray(); }
            }

            public void Dispose()
            {
                try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
                try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Iam;

namespace S3CrossAccount.Aws.Tests.Iam
{
    /// <summary>A request as the server received it.</summary>
    public sealed record ReceivedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : string.Empty;
    }

    /// <summary>
    /// A loopback HTTP server that answers each request with the next canned (status, XML body), so
    /// the real client runs its whole SDK pipeline (signing, retries, HTTP, unmarshalling) in tests.
    /// </summary>
    public sealed class CannedIamServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly ConcurrentQueue<(int Status, string Body, IReadOnlyDictionary<string, string>? Headers)> _responses = new ConcurrentQueue<(int, string, IReadOnlyDictionary<string, string>?)>();
        private readonly List<ReceivedRequest> _received = new List<ReceivedRequest>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;

        public CannedIamServer()
        {
            Port = FreePort();
            Url = $"http://127.0.0.1:{Port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public int Port { get; }

        public string Url { get; }

        public IReadOnlyList<ReceivedRequest> Received
        {
            get { lock (_received) return _received.ToArray(); }
        }

        public CannedIamServer Respond(int status, string body, IReadOnlyDictionary<string, string>? headers = null)
        {
            _responses.Enqueue((status, body, headers));
            return this;
        }

        /// <summary>A client for this server: fixed test keys, signing region us-east-1 unless given.</summary>
        public IIamClient CreateClient(string? sessionToken = null, string region = "us-east-1")
            => IamClientFactory.Create(new IamClientOptions
            {
                AccessKey = "AKIAIOSFODNN7EXAMPLE",
                SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                SessionToken = sessionToken,
                Region = region,
                EndpointUrl = Url,
            });

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) { return; }

                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync().ConfigureAwait(false);
                var headers = new Dictionary<string, string>();
                foreach (var key in context.Request.Headers.AllKeys) if (key != null) headers[key.ToLowerInvariant()] = context.Request.Headers[key] ?? string.Empty;
                lock (_received) _received.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", body, headers));

                var (status, xml, extra) = _responses.TryDequeue(out var next) ? next : (500, "<ErrorResponse><Error><Type>Receiver</Type><Code>NoCannedResponse</Code><Message>test server has no response left</Message></Error><RequestId>none</RequestId></ErrorResponse>", null);
                var bytes = Encoding.UTF8.GetBytes(xml);
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/xml";
                foreach (var header in extra ?? new Dictionary<string, string>()) context.Response.AddHeader(header.Key, header.Value);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Dispose()
        {
            _stop.Cancel();
            try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }
}

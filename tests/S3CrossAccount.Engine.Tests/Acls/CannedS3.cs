using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace S3CrossAccount.Engine.Tests.Acls
{
    /// <summary>
    /// A loopback HTTP endpoint for the cmdlets' -EndpointUrl that answers S3 requests by method and
    /// query ("GET ownershipControls") with canned bodies in the shapes of the S3 API Reference, for
    /// the AWS behaviours the radosgw test server lacks (Object Ownership). Records every request.
    /// </summary>
    public sealed class CannedS3 : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly Dictionary<string, (int Status, string Body)> _answers = new Dictionary<string, (int, string)>();
        private readonly List<string> _requests = new List<string>();
        private readonly List<(string Trigger, string MethodAndQuery, int Status, string Body)> _changes = new List<(string, string, int, string)>();
        private readonly Task _loop;

        public CannedS3()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        /// <summary>"-AccessKey ... -EndpointUrl this" for a cmdlet.</summary>
        public string Args => $"-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl {Url}";

        /// <summary>"METHOD /path?query" of every request so far.</summary>
        public IReadOnlyList<string> Requests
        {
            get { lock (_requests) return _requests.ToList(); }
        }

        /// <summary>Answers requests whose "METHOD query" starts with the given text (e.g. "GET ownershipControls").</summary>
        public CannedS3 On(string methodAndQuery, int status, string body)
        {
            lock (_answers) _answers[methodAndQuery] = (status, body);
            return this;
        }

        /// <summary>
        /// Once a request whose "METHOD query" starts with <paramref name="trigger"/> is answered, requests matching
        /// <paramref name="methodAndQuery"/> get this answer instead: a write that later reads see, as the module's
        /// verifying read after a write expects of a real server.
        /// </summary>
        public CannedS3 After(string trigger, string methodAndQuery, int status, string body)
        {
            lock (_answers) _changes.Add((trigger, methodAndQuery, status, body));
            return this;
        }

        public static string Ownership(string value) =>
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><OwnershipControls xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ObjectOwnership>{value}</ObjectOwnership></Rule></OwnershipControls>";

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) { return; }

                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) await reader.ReadToEndAsync().ConfigureAwait(false);
                var query = context.Request.Url!.Query.TrimStart('?');
                var key = context.Request.HttpMethod + " " + query;
                lock (_requests) _requests.Add(context.Request.HttpMethod + " " + context.Request.RawUrl);
                (int Status, string Body) answer;
                lock (_answers)
                {
                    answer = _answers.Where(a => key.StartsWith(a.Key, StringComparison.Ordinal)).Select(a => a.Value).DefaultIfEmpty((404,
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>")).First();
                    foreach (var change in _changes.Where(c => key.StartsWith(c.Trigger, StringComparison.Ordinal)))
                    {
                        _answers[change.MethodAndQuery] = (change.Status, change.Body);
                    }
                }

                var bytes = Encoding.UTF8.GetBytes(answer.Body);
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = "application/xml";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using S3CrossAccount.IntegrationTests.Harness;

namespace S3CrossAccount.IntegrationTests.Faults
{
    /// <summary>
    /// An HTTP proxy on 127.0.0.1 (random port) in front of the test server. Point a client's
    /// endpoint (or a cmdlet's -EndpointUrl) at <see cref="Endpoint"/>. It forwards every request
    /// untouched (same Host header, so SigV4 signatures stay valid), records it, and applies the
    /// scripted <see cref="FaultRule"/>s: throttling/internal errors, delays, connection resets.
    /// </summary>
    public sealed class FaultProxy : IAsyncDisposable, IDisposable
    {
        private static readonly HashSet<string> HopByHop = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Expect", "Host",
        };

        private readonly object _lock = new object();
        private readonly List<FaultRule> _rules = new List<FaultRule>();
        private readonly List<RecordedRequest> _requests = new List<RecordedRequest>();
        private readonly Uri _upstream;
        private readonly HttpClient _http;
        private readonly TenantRouting _routing = new TenantRouting();
        private WebApplication? _app;
        private int _sequence;

        private FaultProxy(string upstream)
        {
            _upstream = new Uri(upstream);
            _http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
            })
            { Timeout = TimeSpan.FromMinutes(5) };
        }

        /// <summary>http://127.0.0.1:PORT of the proxy.</summary>
        public string Endpoint { get; private set; } = string.Empty;

        /// <summary>Every request so far, in arrival order.</summary>
        public IReadOnlyList<RecordedRequest> Requests
        {
            get
            {
                lock (_lock)
                {
                    return _requests.ToList();
                }
            }
        }

        public static async Task<FaultProxy> StartAsync(string upstream)
        {
            var proxy = new FaultProxy(upstream);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options =>
            {
                options.AddServerHeader = false;
                options.Limits.MaxRequestBodySize = null;
                options.Listen(IPAddress.Loopback, 0);
            });
            var app = builder.Build();
            app.Run(proxy.HandleAsync);
            await app.StartAsync().ConfigureAwait(false);
            proxy._app = app;
            proxy.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()
                .Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
            return proxy;
        }

        /// <summary>
        /// Starts a proxy in front of the test server that also knows every account's keys, so that
        /// <see cref="RouteBucket"/> can make a bucket reachable by its plain name from other accounts.
        /// </summary>
        public static async Task<FaultProxy> StartAsync(RgwServer server)
        {
            var proxy = await StartAsync(server.Endpoint).ConfigureAwait(false);
            foreach (var account in server.Accounts)
            {
                proxy._routing.AddKey(account.AdminAccessKey, account.AdminSecretKey, account.Tenant);
                proxy._routing.AddKey(account.UserAccessKey, account.UserSecretKey, account.Tenant);
            }

            return proxy;
        }

        /// <summary>
        /// From now on, requests of other accounts for <paramref name="bucket"/> reach
        /// <paramref name="owner"/>'s bucket (rewritten to owner:bucket and re-signed with the caller's
        /// own key), as if bucket names were global as on AWS. Needs <see cref="StartAsync(RgwServer)"/>.
        /// </summary>
        public void RouteBucket(string bucket, RgwAccount owner) => _routing.Route(bucket, owner.Tenant);

        /// <summary>Adds a fault for the first <paramref name="times"/> matching requests (<see cref="FaultRule.Always"/>: every one).</summary>
        public FaultRule Inject(FaultKind kind, int times = 1, string? method = null, string? pathContains = null,
            string? queryContains = null, string? action = null, TimeSpan? delay = null)
        {
            var rule = new FaultRule(kind, times, method, pathContains, queryContains, action, delay);
            lock (_lock)
            {
                _rules.Add(rule);
            }

            return rule;
        }

        /// <summary>Removes every rule (records stay).</summary>
        public void ClearFaults()
        {
            lock (_lock)
            {
                _rules.Clear();
            }
        }

        /// <summary>Forgets the recorded requests (rules stay).</summary>
        public void ClearRecords()
        {
            lock (_lock)
            {
                _requests.Clear();
            }
        }

        public int Count(Func<RecordedRequest, bool> predicate) => Requests.Count(predicate);

        /// <summary>IAM/STS calls with this Action=.</summary>
        public int CountAction(string action) => Count(r => r.Action == action);

        /// <summary>Requests with this method whose query contains <paramref name="queryContains"/> (e.g. "PUT", "policy").</summary>
        public int Count(string method, string? pathContains = null, string? queryContains = null) => Count(r =>
            string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && (pathContains == null || r.Path.Contains(pathContains, StringComparison.Ordinal))
            && (queryContains == null || r.Query.Contains(queryContains, StringComparison.Ordinal)));

        /// <summary>Requests that reached the server and could have changed something (not GET/HEAD; IAM/STS reads excluded by name).</summary>
        public IReadOnlyList<RecordedRequest> Writes => Requests.Where(r => r.Forwarded && IsWrite(r)).ToList();

        public async ValueTask DisposeAsync()
        {
            if (_app != null)
            {
                await _app.StopAsync().ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
                _app = null;
            }

            _http.Dispose();
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        private static bool IsWrite(RecordedRequest r)
        {
            if (r.Action != null)
            {
                return !(r.Action.StartsWith("Get", StringComparison.Ordinal) || r.Action.StartsWith("List", StringComparison.Ordinal)
                    || r.Action == "AssumeRole" || r.Action == "GetCallerIdentity");
            }

            return r.Method != "GET" && r.Method != "HEAD";
        }

        private static string? FormAction(string? contentType, byte[] body)
        {
            if (contentType == null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (var pair in Encoding.UTF8.GetString(body).Split('&'))
            {
                if (pair.StartsWith("Action=", StringComparison.Ordinal))
                {
                    return Uri.UnescapeDataString(pair.Substring("Action=".Length).Replace('+', ' '));
                }
            }

            return null;
        }

        private async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
            var body = buffer.ToArray();
            var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var query = request.QueryString.HasValue ? request.QueryString.Value!.Substring(1) : string.Empty;
            var action = FormAction(request.ContentType, body);

            RecordedRequest record;
            FaultRule? rule;
            lock (_lock)
            {
                rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Matches(request.Method, request.Path.Value ?? "/", query, action));
                if (rule != null && !rule.TryConsume())
                {
                    rule = null;
                }

                record = new RecordedRequest(++_sequence, request.Method, request.Path.Value ?? "/", query, action, rule?.Kind);
                _requests.Add(record);
            }

            switch (rule?.Kind)
            {
                case FaultKind.SlowDown:
                    await WriteErrorAsync(context, record, 503, S3Error("SlowDown", "Please reduce your request rate.")).ConfigureAwait(false);
                    return;
                case FaultKind.InternalError:
                    await WriteErrorAsync(context, record, 500, S3Error("InternalError", "We encountered an internal error. Please try again.")).ConfigureAwait(false);
                    return;
                case FaultKind.Throttling:
                    await WriteErrorAsync(context, record, 400, QueryError("Throttling", "Rate exceeded")).ConfigureAwait(false);
                    return;
                case FaultKind.ResetBeforeForward:
                    context.Abort();
                    return;
                case FaultKind.Delay:
                    await Task.Delay(rule.Delay).ConfigureAwait(false);
                    break;
            }

            // Header names in lower case, values joined; routing may rewrite them (and the body).
            var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value.ToArray()), StringComparer.Ordinal);
            var rerouted = _routing.Rewrite(request.Method, rawTarget, headers, body);
            if (rerouted != null)
            {
                rawTarget = rerouted.Value.RawTarget;
                body = rerouted.Value.Body;
                record.Rerouted = true;
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream.GetLeftPart(UriPartial.Authority) + rawTarget));
            var content = new ByteArrayContent(body);
            var hasContent = body.Length > 0 || request.ContentLength.HasValue || request.Headers.ContainsKey("Transfer-Encoding");
            foreach (var header in headers)
            {
                if (HopByHop.Contains(header.Key) || header.Key == "content-length")
                {
                    continue;
                }

                if (header.Key.StartsWith("content-", StringComparison.Ordinal))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                else
                {
                    forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            // Keep the client's Host: the SigV4 signature covers it.
            forward.Headers.Host = request.Host.Value;

            if (hasContent)
            {
                forward.Content = content;
            }

            using var response = await _http.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
            if (rule?.Kind == FaultKind.ResetAfterForward)
            {
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                record.Status = 0;
                context.Abort();
                return;
            }

            record.Status = (int)response.StatusCode;
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(header.Key))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body).ConfigureAwait(false);
        }

        private static async Task WriteErrorAsync(HttpContext context, RecordedRequest record, int status, string xml)
        {
            record.Status = status;
            var bytes = Encoding.UTF8.GetBytes(xml);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/xml";
            context.Response.ContentLength = bytes.Length;
            context.Response.Headers["x-amz-request-id"] = "faultproxy" + record.Sequence;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
            }
        }

        // S3 REST error shape: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
        private static string S3Error(string code, string message) =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
            + "</Message><RequestId>FAULTPROXY</RequestId><HostId>faultproxy</HostId></Error>";

        // IAM/STS Query error shape: https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
        private static string QueryError(string code, string message) =>
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>" + code
            + "</Code><Message>" + message + "</Message></Error><RequestId>FAULTPROXY</RequestId></ErrorResponse>";
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>
    /// SigV4-signed HTTP requests written out by hand, for the two things the AWS SDK for .NET cannot do
    /// against radosgw: IAM Query calls (AWSSDK.IdentityManagement is not in the package registry) and
    /// S3 calls on another tenant's bucket, <c>tenant:bucket</c>, which the SDK signs double-encoded
    /// (%253A) so radosgw answers SignatureDoesNotMatch. Here the path is encoded once, as S3 wants
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
    /// </summary>
    public sealed class SignedRequestSender
    {
        private static readonly HttpClient Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        private readonly Uri _endpoint;
        private readonly string _accessKey;
        private readonly string _secretKey;
        private readonly string? _sessionToken;

        public SignedRequestSender(string endpoint, string accessKey, string secretKey, string? sessionToken = null)
        {
            _endpoint = new Uri(endpoint);
            _accessKey = accessKey;
            _secretKey = secretKey;
            _sessionToken = sessionToken;
        }

        /// <summary>
        /// An S3 request. <paramref name="bucket"/> may be <c>tenant:bucket</c>; <paramref name="subresource"/>
        /// is a query such as "acl", "policy" or "list-type=2&amp;prefix=a" (unencoded values).
        /// </summary>
        public Task<RawResponse> S3Async(HttpMethod method, string bucket, string? key = null, string? subresource = null,
            byte[]? body = null, IReadOnlyDictionary<string, string>? headers = null)
        {
            var path = "/" + UriEncode(bucket) + (key == null ? string.Empty : "/" + string.Join("/", key.Split('/').Select(UriEncode)));
            var query = ParseQuery(subresource);
            return SendAsync("s3", method, path, query, body ?? Array.Empty<byte>(), headers, null);
        }

        public async Task<RawResponse> GetObjectAsync(string bucket, string key) => await S3Async(HttpMethod.Get, bucket, key);

        public async Task<RawResponse> PutObjectAsync(string bucket, string key, string content, IReadOnlyDictionary<string, string>? headers = null) =>
            await S3Async(HttpMethod.Put, bucket, key, null, Encoding.UTF8.GetBytes(content), headers);

        /// <summary>An IAM (service "iam") or STS ("sts") Query API call: POST / with a form body.</summary>
        public Task<RawResponse> QueryAsync(string service, string action, IReadOnlyDictionary<string, string>? parameters = null)
        {
            var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", service == "sts" ? "2011-06-15" : "2010-05-08") };
            if (parameters != null)
            {
                form.AddRange(parameters);
            }

            // %20 for spaces: radosgw does not decode '+' (rgw README).
            var body = Encoding.UTF8.GetBytes(string.Join("&", form.Select(p => UriEncode(p.Key) + "=" + UriEncode(p.Value))));
            return SendAsync(service, HttpMethod.Post, "/", new List<KeyValuePair<string, string>>(), body, null,
                "application/x-www-form-urlencoded; charset=utf-8");
        }

        public Task<RawResponse> IamAsync(string action, IReadOnlyDictionary<string, string>? parameters = null) => QueryAsync("iam", action, parameters);

        private async Task<RawResponse> SendAsync(string service, HttpMethod method, string path, List<KeyValuePair<string, string>> query,
            byte[] body, IReadOnlyDictionary<string, string>? extraHeaders, string? contentType)
        {
            var now = DateTime.UtcNow;
            var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var date = amzDate.Substring(0, 8);
            var payloadHash = Hex(SHA256.HashData(body));
            var host = _endpoint.IsDefaultPort ? _endpoint.Host : _endpoint.Host + ":" + _endpoint.Port;

            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["host"] = host,
                ["x-amz-date"] = amzDate,
                ["x-amz-content-sha256"] = payloadHash,
            };
            if (_sessionToken != null)
            {
                headers["x-amz-security-token"] = _sessionToken;
            }

            if (contentType != null)
            {
                headers["content-type"] = contentType;
            }

            if (extraHeaders != null)
            {
                foreach (var h in extraHeaders)
                {
                    headers[h.Key.ToLowerInvariant()] = h.Value.Trim();
                }
            }

            var canonicalQuery = CanonicalQuery(query);
            var signedHeaders = string.Join(";", headers.Keys);
            var canonicalRequest = string.Join("\n",
                method.Method, path, canonicalQuery,
                string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n")), signedHeaders, payloadHash);
            var scope = $"{date}/{RgwServer.Region}/{service}/aws4_request";
            var signature = Signature(_secretKey, amzDate, scope, canonicalRequest);

            var url = _endpoint.GetLeftPart(UriPartial.Authority) + path + (canonicalQuery.Length == 0 ? string.Empty : "?" + canonicalQuery);
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Absolute));
            var content = new ByteArrayContent(body);
            foreach (var h in headers)
            {
                if (h.Key == "host")
                {
                    continue;
                }

                if (h.Key.StartsWith("content-", StringComparison.Ordinal))
                {
                    content.Headers.TryAddWithoutValidation(h.Key, h.Value);
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(h.Key, h.Value);
                }
            }

            if (body.Length > 0 || method == HttpMethod.Put || method == HttpMethod.Post)
            {
                request.Content = content;
            }

            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential={_accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
            using var response = await Http.SendAsync(request).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new RawResponse((int)response.StatusCode, text);
        }

        /// <summary>SigV4 canonical query string from decoded pairs.</summary>
        public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) => string.Join("&", query
            .Select(p => (Key: UriEncode(p.Key), Value: UriEncode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

        /// <summary>The SigV4 signature of a canonical request; <paramref name="scope"/> is date/region/service/aws4_request.</summary>
        public static string Signature(string secretKey, string amzDate, string scope, string canonicalRequest)
        {
            var parts = scope.Split('/');
            var stringToSign = string.Join("\n", "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
            var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), parts[0]);
            key = Hmac(key, parts[1]);
            key = Hmac(key, parts[2]);
            key = Hmac(key, "aws4_request");
            return Hex(Hmac(key, stringToSign));
        }

        private static List<KeyValuePair<string, string>> ParseQuery(string? query)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(query))
            {
                return result;
            }

            foreach (var part in query.Split('&'))
            {
                var eq = part.IndexOf('=');
                result.Add(eq < 0 ? new(part, string.Empty) : new(part.Substring(0, eq), part.Substring(eq + 1)));
            }

            return result;
        }

        /// <summary>RFC 3986 encoding AWS SigV4 wants: unreserved characters kept, the rest %XX upper case.</summary>
        public static string UriEncode(string value)
        {
            var sb = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                var c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }

        private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }

    /// <summary>Status and body of a raw request; <see cref="ErrorCode"/> is the &lt;Code&gt; of an error body.</summary>
    public sealed class RawResponse
    {
        public RawResponse(int status, string body)
        {
            Status = status;
            Body = body;
        }

        public int Status { get; }

        public string Body { get; }

        public bool IsSuccess => Status >= 200 && Status < 300;

        public string? ErrorCode => Regex.Match(Body, "<Code>([^<]*)</Code>") is { Success: true } m ? m.Groups[1].Value : null;

        /// <summary>The text of the first &lt;name&gt; element (e.g. "Arn", "AccessKeyId"), or null.</summary>
        public string? Element(string name) => Regex.Match(Body, $"<{name}>([^<]*)</{name}>") is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public RawResponse ShouldSucceed()
        {
            if (!IsSuccess)
            {
                throw new Xunit.Sdk.XunitException($"HTTP {Status} {ErrorCode}: {Body}");
            }

            return this;
        }

        public override string ToString() => $"HTTP {Status} {ErrorCode}";
    }
}

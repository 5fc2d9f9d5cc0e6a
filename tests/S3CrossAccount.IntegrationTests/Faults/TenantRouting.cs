using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using S3CrossAccount.IntegrationTests.Harness;

namespace S3CrossAccount.IntegrationTests.Faults
{
    /// <summary>
    /// Makes bucket names global, as on AWS, for clients of the proxy: a request of account B for
    /// bucket "x" that the test routed to account A goes to radosgw as "A-tenant:x", re-signed with
    /// B's own secret (the harness knows every test key). This lets the AWS SDK, and so the module's
    /// cmdlets, act as B on A's bucket, which radosgw otherwise only allows through the
    /// "tenant:bucket" name the SDK signs wrongly (WHERE-RGW-IS-NOT-AWS.md).
    /// Only header-signed SigV4 requests with a hashed or UNSIGNED payload are rewritten.
    /// </summary>
    internal sealed class TenantRouting
    {
        private static readonly Regex Authorization = new Regex(
            @"^AWS4-HMAC-SHA256 Credential=(?<ak>[^/]+)/(?<scope>[^,]+), ?SignedHeaders=(?<sh>[^,]+), ?Signature=(?<sig>[0-9a-f]+)$");

        private readonly object _lock = new object();
        private readonly Dictionary<string, (string Secret, string Tenant)> _keys = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _bucketOwners = new Dictionary<string, string>(StringComparer.Ordinal);

        public void AddKey(string accessKey, string secretKey, string tenant)
        {
            lock (_lock)
            {
                _keys[accessKey] = (secretKey, tenant);
            }
        }

        public void Route(string bucket, string ownerTenant)
        {
            lock (_lock)
            {
                _bucketOwners[bucket] = ownerTenant;
            }
        }

        /// <summary>
        /// When the request is for a routed bucket of another tenant: rewrites <paramref name="headers"/>
        /// (lower-case names; Authorization re-signed, an aws-chunked body decoded to a plain one) and
        /// returns the raw target and body to forward. Null: forward the request untouched.
        /// </summary>
        public (string RawTarget, byte[] Body)? Rewrite(string method, string rawTarget, IDictionary<string, string> headers, byte[] body)
        {
            if (!headers.TryGetValue("authorization", out var auth) || !headers.TryGetValue("x-amz-content-sha256", out var payloadHash))
            {
                return null;
            }

            var match = Authorization.Match(auth);
            if (!match.Success)
            {
                return null;
            }

            var queryStart = rawTarget.IndexOf('?');
            var path = queryStart < 0 ? rawTarget : rawTarget.Substring(0, queryStart);
            var query = queryStart < 0 ? string.Empty : rawTarget.Substring(queryStart + 1);
            var segments = path.Split('/');
            if (segments.Length < 2 || segments[1].Length == 0)
            {
                return null;
            }

            var bucket = Uri.UnescapeDataString(segments[1]);
            (string Secret, string Tenant) key;
            string owner;
            lock (_lock)
            {
                if (!_bucketOwners.TryGetValue(bucket, out owner!) || !_keys.TryGetValue(match.Groups["ak"].Value, out key))
                {
                    return null;
                }
            }

            if (key.Tenant == owner)
            {
                return null;
            }

            var signedHeaders = match.Groups["sh"].Value.Split(';').ToList();
            if (payloadHash == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
            {
                // The chunk signatures chain from the header signature, which changes: send the payload
                // plainly instead, hashed whole (a form AWS and radosgw accept for PutObject/UploadPart).
                body = DecodeAwsChunked(body);
                payloadHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)).ToLowerInvariant();
                headers["x-amz-content-sha256"] = payloadHash;
                headers.Remove("x-amz-decoded-content-length");
                if (headers.TryGetValue("content-encoding", out var encoding))
                {
                    var rest = string.Join(",", encoding.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0 && e != "aws-chunked"));
                    if (rest.Length == 0)
                    {
                        headers.Remove("content-encoding");
                    }
                    else
                    {
                        headers["content-encoding"] = rest;
                    }
                }

                headers["content-length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                signedHeaders = signedHeaders.Where(headers.ContainsKey).ToList();
            }
            else if (payloadHash.StartsWith("STREAMING-", StringComparison.Ordinal))
            {
                return null;
            }

            segments[1] = SignedRequestSender.UriEncode(owner + ":" + bucket);
            var newPath = string.Join("/", segments);
            var pairs = query.Length == 0
                ? new List<KeyValuePair<string, string>>()
                : query.Split('&').Select(p =>
                {
                    var eq = p.IndexOf('=');
                    return eq < 0
                        ? new KeyValuePair<string, string>(Uri.UnescapeDataString(p), string.Empty)
                        : new KeyValuePair<string, string>(Uri.UnescapeDataString(p.Substring(0, eq)), Uri.UnescapeDataString(p.Substring(eq + 1)));
                }).ToList();
            var signedList = string.Join(";", signedHeaders);
            var canonicalHeaders = string.Concat(signedHeaders.Select(h =>
                h + ":" + Regex.Replace((headers.TryGetValue(h, out var v) ? v : string.Empty).Trim(), " +", " ") + "\n"));
            var canonicalRequest = string.Join("\n", method, newPath, SignedRequestSender.CanonicalQuery(pairs), canonicalHeaders, signedList, payloadHash);
            var scope = match.Groups["scope"].Value;
            var amzDate = headers.TryGetValue("x-amz-date", out var d) ? d : string.Empty;
            var signature = SignedRequestSender.Signature(key.Secret, amzDate, scope, canonicalRequest);
            headers["authorization"] = $"AWS4-HMAC-SHA256 Credential={match.Groups["ak"].Value}/{scope}, SignedHeaders={signedList}, Signature={signature}";
            return (newPath + (queryStart < 0 ? string.Empty : "?" + query), body);
        }

        /// <summary>aws-chunked: "hex-size;chunk-signature=...\r\n" data "\r\n", ending with a zero-size chunk.</summary>
        private static byte[] DecodeAwsChunked(byte[] body)
        {
            var output = new System.IO.MemoryStream();
            var position = 0;
            while (position < body.Length)
            {
                var lineEnd = IndexOfCrLf(body, position);
                var line = System.Text.Encoding.ASCII.GetString(body, position, lineEnd - position);
                var size = Convert.ToInt32(line.Split(';')[0], 16);
                position = lineEnd + 2;
                if (size == 0)
                {
                    break;
                }

                output.Write(body, position, size);
                position += size + 2;
            }

            return output.ToArray();
        }

        private static int IndexOfCrLf(byte[] data, int start)
        {
            for (var i = start; i + 1 < data.Length; i++)
            {
                if (data[i] == '\r' && data[i + 1] == '\n')
                {
                    return i;
                }
            }

            throw new FormatException("aws-chunked body without CRLF");
        }
    }
}

using System;
using System.Text;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>Policy JSON on the wire: compact when sent, URL-decoded when received.</summary>
    internal static class PolicyDocumentText
    {
        /// <summary>
        /// Removes whitespace outside JSON string literals. Insignificant in JSON, but IAM counts
        /// policy size in characters and radosgw mis-decodes '+' (spaces some encoders emit), so
        /// the document goes out compact. Text inside strings (escapes included) is untouched;
        /// malformed JSON is passed through for IAM to reject with MalformedPolicyDocument.
        /// </summary>
        public static string Compact(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            var sb = new StringBuilder(json.Length);
            var inString = false;
            var escaped = false;
            foreach (var c in json)
            {
                if (inString)
                {
                    sb.Append(c);
                    if (escaped) escaped = false;
                    else if (c == '\\') escaped = true;
                    else if (c == '"') inString = false;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
                if (c == '"') inString = true;
                sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>
        /// IAM returns policy documents "URL-encoded compliant with RFC 3986"
        /// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html): percent
        /// escapes only, '+' is a literal plus. Text that already starts as JSON ('{') is returned
        /// as is, because some IAM-compatible servers send it unencoded.
        /// </summary>
        public static string Decode(string? text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var trimmed = text!.TrimStart();
            if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal)) return text.Trim();
            return Uri.UnescapeDataString(text.Trim());
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Evaluation.Model
{
    /// <summary>
    /// Converts loosely typed input (what a cmdlet parameter receives) into evaluator input: a policy as a
    /// <see cref="PolicyDocument"/>, JSON text or an already compiled policy; ACL grants as
    /// <see cref="AclGrant"/>s or "PERMISSION:grantee" strings; context as a dictionary whose values may be lists.
    /// </summary>
    public static class EvaluationInputs
    {
        public static EvaluationPolicy ToPolicy(object value, string name)
        {
            switch (value)
            {
                case EvaluationPolicy compiled:
                    return compiled;
                case PolicyDocument document:
                    return PolicyCompiler.Compile(document, name);
                case string json:
                    return PolicyCompiler.Compile(json, name);
                default:
                    throw new XAccountException(
                        ErrorCode.InvalidPolicyDocument,
                        $"A {value?.GetType().Name ?? "null"} is not a policy.",
                        value,
                        "Pass a policy object (from New-XAccount*Policy or ConvertFrom-XAccountPolicyJson) or the policy JSON text.");
            }
        }

        /// <summary>
        /// "READ:444455556666", "FULL_CONTROL:id=&lt;canonical id&gt;", "READ:uri=http://acs.amazonaws.com/groups/global/AllUsers",
        /// "WRITE:AuthenticatedUsers" (permission first: grantee URIs contain colons), or an <see cref="AclGrant"/>.
        /// </summary>
        public static AclGrant ToAclGrant(object value)
        {
            if (value is AclGrant grant)
            {
                return grant;
            }

            if (value is string text)
            {
                int colon = text.IndexOf(':');
                if (colon > 0)
                {
                    return AclGrant.Parse(text.Substring(colon + 1), text.Substring(0, colon));
                }
            }

            if (value is IDictionary map)
            {
                var grantee = Find(map, "Grantee") ?? Find(map, "Id") ?? Find(map, "Account");
                var permission = Find(map, "Permission");
                if (grantee != null && permission != null)
                {
                    return AclGrant.Parse(grantee.ToString()!, permission.ToString()!);
                }
            }

            throw new XAccountException(
                ErrorCode.InvalidAclGrant,
                $"'{value}' is not an ACL grant.",
                value,
                "Write a grant as 'PERMISSION:grantee', e.g. 'READ:444455556666', 'FULL_CONTROL:id=<canonical id>', 'READ:AllUsers', or @{ Grantee = '444455556666'; Permission = 'READ' }.");
        }

        /// <summary>Context keys from a dictionary; a list value makes a multivalued key.</summary>
        public static RequestContext ToContext(IDictionary? values)
        {
            var context = new RequestContext();
            if (values == null)
            {
                return context;
            }

            foreach (DictionaryEntry entry in values)
            {
                var key = entry.Key?.ToString();
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new XAccountException(ErrorCode.InvalidAccessRequest, "A context key is empty.", entry.Key, "Name context keys like aws:SourceIp or s3:x-amz-acl.");
                }

                switch (entry.Value)
                {
                    case null:
                        break;
                    case string s:
                        context.Set(key!, s);
                        break;
                    case bool b:
                        context.Set(key!, b ? "true" : "false");
                        break;
                    case IEnumerable list:
                        context.Set(key!, list.Cast<object>().Select(Text));
                        break;
                    default:
                        context.Set(key!, Text(entry.Value));
                        break;
                }
            }

            return context;
        }

        private static string Text(object value) => value is bool b ? (b ? "true" : "false")
            : value is DateTime d ? d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

        private static object? Find(IDictionary map, string key)
        {
            foreach (DictionaryEntry e in map)
            {
                if (string.Equals(e.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
                {
                    return e.Value;
                }
            }

            return null;
        }
    }
}

using System;
using System.Linq;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Core.Policies.Lint
{
    /// <summary>
    /// AllS3ActionsOnEveryResource: an Allow that gives named principals (accounts, users, roles, canonical users:
    /// in a resource policy, other accounts) every S3 action on every resource. That is far more than any of the
    /// seed methods needs: the grantee may delete objects and buckets, rewrite the bucket policy and ACLs, and in a
    /// bucket policy "*" reaches every object of the bucket. Grant the actions it needs on the bucket ARN and on
    /// bucket/* instead. (A public "*" principal has its own findings.)
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
    /// </summary>
    internal static class AllS3OnEveryResourceCheck
    {
        internal const string Code = "AllS3ActionsOnEveryResource";

        internal static void Check(PolicyStatement s, Action<FindingSeverity, string, string> add)
        {
            if (s.Effect != PolicyEffect.Allow || s.Principal == null || s.Principal.IsPublic || s.Action == null || s.Resource == null)
            {
                return;
            }

            var everyAction = s.Action.Any(a => a == "*" || string.Equals(a, "s3:*", StringComparison.OrdinalIgnoreCase));
            var everyResource = s.Resource.Any(r => r == "*" || r == "arn:aws:s3:::*" || (r.StartsWith("arn:", StringComparison.Ordinal) && r.EndsWith(":s3:::*", StringComparison.Ordinal)));
            var named = s.Principal.Entries
                .Where(e => e.Key == PrincipalTypes.Aws || e.Key == PrincipalTypes.CanonicalUser)
                .SelectMany(e => e.Value)
                .Where(v => PrincipalArn.TryParse(v, out var p) && !p!.IsPublic)
                .ToList();
            if (everyAction && everyResource && named.Count > 0)
            {
                add(FindingSeverity.Warning, Code,
                    $"The statement allows {string.Join(", ", named)} every S3 action (s3:*) on every resource (\"*\"): they may delete objects and buckets and change policies and ACLs. Allow only the actions they need (for example s3:GetObject, s3:PutObject) on arn:aws:s3:::bucket and arn:aws:s3:::bucket/*.");
            }
        }
    }
}

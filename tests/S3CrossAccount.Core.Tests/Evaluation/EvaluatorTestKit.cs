using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>Accounts and helpers shared by the evaluator tests (A owns the bucket, B and C are other accounts).</summary>
    internal static class Kit
    {
        public const string A = "111122223333";
        public const string B = "444455556666";
        public const string C = "777788889999";
        public const string ACanonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        public const string Bucket = "DOC-EXAMPLE-BUCKET1";
        public const string Object = "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/HappyFace.jpg";

        public static EvaluationPolicy Policy(string json, string name = "policy") => PolicyCompiler.Compile(json, name);

        public static AccessRequest Request(string principal, string action, string resource = Object, string bucketAccount = A, string? objectOwner = null, params (string Key, string Value)[] context)
        {
            var ctx = new RequestContext();
            foreach (var (key, value) in context)
            {
                ctx.Set(key, value);
            }

            return new AccessRequest(principal, action, resource, bucketAccount, objectOwner, ctx);
        }

        public static AccessDecision Decide(AccessRequest request, EvaluationPolicy? bucketPolicy = null, params EvaluationPolicy[] identity) =>
            AccessEvaluator.Evaluate(request, new AccessPolicies { BucketPolicy = bucketPolicy, IdentityPolicies = identity });

        public static string Allow(string actions, string resource, string? principal = null, string? condition = null, string? sid = null) =>
            Statement("Allow", actions, resource, principal, condition, sid);

        public static string Deny(string actions, string resource, string? principal = null, string? condition = null, string? sid = null) =>
            Statement("Deny", actions, resource, principal, condition, sid);

        private static string Statement(string effect, string actions, string resource, string? principal, string? condition, string? sid) =>
            "{" + (sid != null ? $"\"Sid\":\"{sid}\"," : string.Empty) + $"\"Effect\":\"{effect}\","
            + (principal != null ? $"\"Principal\":{principal}," : string.Empty)
            + $"\"Action\":{actions},\"Resource\":{resource}"
            + (condition != null ? $",\"Condition\":{condition}" : string.Empty) + "}";

        public static string Doc(params string[] statements) => "{\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}";
    }
}

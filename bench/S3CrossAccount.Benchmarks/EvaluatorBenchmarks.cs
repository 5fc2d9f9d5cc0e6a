using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Benchmarks
{
    /// <summary>
    /// A cross-account GetObject against a 101-statement bucket policy (100 statements for other principals
    /// and prefixes, some with conditions, then the one that grants) plus one identity policy.
    /// </summary>
    [MemoryDiagnoser]
    [MedianColumn]
    public class EvaluatorBenchmarks
    {
        private AccessRequest _request = null!;
        private AccessPolicies _policies = null!;

        public static string BucketPolicyJson()
        {
            var sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
            for (int i = 0; i < 100; i++)
            {
                var condition = i % 3 == 0 ? ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10." + i + ".0.0/16\"}}" : string.Empty;
                var action = i % 2 == 0 ? "[\"s3:GetObject\",\"s3:GetObjectVersion\"]" : "\"s3:PutObject\"";
                sb.Append("{\"Sid\":\"S").Append(i).Append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::").Append((100000000000L + i).ToString())
                  .Append(":root\"},\"Action\":").Append(action).Append(",\"Resource\":\"arn:aws:s3:::bucket/team").Append(i).Append("/*\"").Append(condition).Append("},");
            }

            sb.Append("{\"Sid\":\"Grant\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:user/bob\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/shared/*\"}]}");
            return sb.ToString();
        }

        public const string IdentityPolicyJson = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/shared/*\"}]}";
        public const string Principal = "arn:aws:iam::444455556666:user/bob";
        public const string Action = "s3:GetObject";
        public const string Resource = "arn:aws:s3:::bucket/shared/report.csv";
        public const string BucketAccount = "111122223333";
        public const string SourceIp = "203.0.113.7";

        [GlobalSetup]
        public void Setup()
        {
            var bucket = PolicyCompiler.Compile(BucketPolicyJson(), "bucket");
            var identity = PolicyCompiler.Compile(IdentityPolicyJson, "bob-read");
            _request = new AccessRequest(Principal, Action, Resource, BucketAccount, context: new RequestContext().Set("aws:SourceIp", SourceIp));
            _policies = new AccessPolicies { BucketPolicy = bucket, IdentityPolicies = new[] { identity } };
        }

        /// <summary>The decision alone (Decision and Rule): what a caller deciding many requests uses.</summary>
        [Benchmark(Baseline = true)]
        public bool CrossAccount() => AccessEvaluator.Decide(_request, _policies).Allowed;

        /// <summary>The decision with its reason and layer analyses (Test-XAccountAccess without -Detailed).</summary>
        [Benchmark]
        public bool CrossAccountExplained() => AccessEvaluator.Evaluate(_request, _policies).Allowed;

        /// <summary>With the trace of every statement (Test-XAccountAccess -Detailed).</summary>
        [Benchmark]
        public bool CrossAccountDetailed() => AccessEvaluator.Evaluate(_request, _policies, detailed: true).Allowed;
    }
}

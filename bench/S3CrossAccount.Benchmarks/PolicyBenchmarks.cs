using BenchmarkDotNet.Attributes;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Lint;
using S3CrossAccount.Core.Policies.Merging;

namespace S3CrossAccount.Benchmarks
{
    /// <summary>
    /// The policy core on the same 101-statement bucket policy the evaluator benchmark uses: parse the JSON,
    /// write it back compact (the form the size limits are checked on), merge one more cross-account grant
    /// into it (what Set-XAccountBucketPolicy does before every write), and lint it.
    /// </summary>
    [MemoryDiagnoser]
    [MedianColumn]
    public class PolicyBenchmarks
    {
        private string _json = null!;
        private PolicyDocument _policy = null!;
        private PolicyDocument _grant = null!;

        [GlobalSetup]
        public void Setup()
        {
            _json = EvaluatorBenchmarks.BucketPolicyJson();
            _policy = PolicyJson.Parse(_json);
            _grant = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:user/AccountBUserName\"},"
                + "\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::bucket/*\"}]}");
        }

        [Benchmark]
        public PolicyDocument Parse() => PolicyJson.Parse(_json);

        [Benchmark]
        public string Write() => PolicyJson.Write(_policy);

        [Benchmark]
        public PolicyDocument Merge() => PolicyMerger.Merge(_policy, _grant);

        [Benchmark]
        public int Lint() => PolicyLinter.Lint(_policy).Count;
    }
}

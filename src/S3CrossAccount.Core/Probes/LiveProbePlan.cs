namespace S3CrossAccount.Core.Probes
{
    /// <summary>What Test-XAccountAccess -Live should try on one bucket.</summary>
    public sealed class LiveProbePlan
    {
        /// <summary>Where, under the prefix, the write probe's marker object goes by default.</summary>
        public const string DefaultProbeFolder = "s3crossaccount-probe/";

        public LiveProbePlan(string bucket) => Bucket = bucket;

        public string Bucket { get; }

        /// <summary>The object to read; when null the first object under <see cref="Prefix"/> is listed and used.</summary>
        public string? Key { get; set; }

        public string? Prefix { get; set; }

        /// <summary>Also put (and then delete) a small marker object.</summary>
        public bool IncludeWrite { get; set; }

        /// <summary>Where, under <see cref="Prefix"/>, the marker object goes.</summary>
        public string ProbeFolder { get; set; } = DefaultProbeFolder;
    }
}

namespace S3CrossAccount.Core.Reports
{
    /// <summary>What to read for one bucket.</summary>
    public sealed class BucketReportOptions
    {
        /// <summary>Also read object ACLs (a sample of keys, see <see cref="ObjectSampleSize"/>).</summary>
        public bool IncludeObjectAcl { get; set; }

        /// <summary>How many objects' ACLs to read with <see cref="IncludeObjectAcl"/>; 0 reads every object.</summary>
        public int ObjectSampleSize { get; set; } = 100;
    }
}

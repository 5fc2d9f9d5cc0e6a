namespace S3CrossAccount.IntegrationTests.Faults
{
    /// <summary>One request the proxy saw, in arrival order, with what it did to it.</summary>
    public sealed class RecordedRequest
    {
        internal RecordedRequest(int sequence, string method, string path, string query, string? action, FaultKind? fault)
        {
            Sequence = sequence;
            Method = method;
            Path = path;
            Query = query;
            Action = action;
            Fault = fault;
        }

        public int Sequence { get; }

        public string Method { get; }

        /// <summary>Decoded path, e.g. "/bucket/" or "/bucket/dir/key" (the SDK sends bucket calls with a trailing slash).</summary>
        public string Path { get; }

        /// <summary>The query without '?', as sent, e.g. "policy" or "list-type=2&amp;prefix=a"; empty when none.</summary>
        public string Query { get; }

        /// <summary>Action= of an IAM/STS form body, e.g. "AssumeRole"; null for S3 calls.</summary>
        public string? Action { get; }

        /// <summary>The fault applied, or null when the request was forwarded untouched.</summary>
        public FaultKind? Fault { get; }

        /// <summary>Status sent back (the server's or the injected one); 0 when the connection was reset.</summary>
        public int Status { get; internal set; }

        /// <summary>True when bucket routing rewrote it to another tenant's bucket (see FaultProxy.RouteBucket).</summary>
        public bool Rerouted { get; internal set; }

        /// <summary>True when the request reached the server (forwarded, whatever happened to the answer).</summary>
        public bool Forwarded => Fault == null || Fault == FaultKind.Delay || Fault == FaultKind.ResetAfterForward;

        /// <summary>
        /// An S3 call with this method whose query has this parameter, e.g. ("GET", "acl") for GetObjectAcl or
        /// GetBucketAcl, ("GET", "list-type=2") for ListObjectsV2. A bare parameter also matches its "name=" form.
        /// </summary>
        public bool IsS3(string method, string queryParameter) =>
            Action == null && string.Equals(Method, method, System.StringComparison.OrdinalIgnoreCase)
            && System.Array.Exists(Query.Split('&'), p => p == queryParameter || p == queryParameter + "=");

        /// <summary>A compact form for exact assertions: "PUT /b/?policy", "POST / AssumeRole".</summary>
        public override string ToString() =>
            Method + " " + Path + (Query.Length > 0 ? "?" + Query : string.Empty) + (Action != null ? " " + Action : string.Empty);
    }
}

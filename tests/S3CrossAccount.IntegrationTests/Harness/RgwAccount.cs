using Amazon.Runtime;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>
    /// One radosgw tenant standing in for an AWS account. Each has two IAM users: <c>admin</c> (caps
    /// roles=*;user-policy=*, i.e. the account's administrator) and <c>user</c> (no caps, no policy).
    /// </summary>
    public sealed class RgwAccount
    {
        public RgwAccount(string label, string tenant, string adminAccessKey, string adminSecretKey, string userAccessKey, string userSecretKey)
        {
            Label = label;
            Tenant = tenant;
            AdminAccessKey = adminAccessKey;
            AdminSecretKey = adminSecretKey;
            UserAccessKey = userAccessKey;
            UserSecretKey = userSecretKey;
        }

        /// <summary>"A", "B" or "C": also the profile name in <see cref="TempProfileFile"/>.</summary>
        public string Label { get; }

        /// <summary>The 12-digit tenant name, used as the account ID in every ARN.</summary>
        public string Tenant { get; }

        public string AccountId => Tenant;

        public string AdminAccessKey { get; }

        public string AdminSecretKey { get; }

        public string UserAccessKey { get; }

        public string UserSecretKey { get; }

        public string RootArn => $"arn:aws:iam::{Tenant}:root";

        public string AdminArn => $"arn:aws:iam::{Tenant}:user/admin";

        public string UserArn => $"arn:aws:iam::{Tenant}:user/user";

        public string RoleArn(string roleName) => $"arn:aws:iam::{Tenant}:role/{roleName}";

        /// <summary>Canonical user ID for ACL grants (radosgw: <c>tenant$uid</c>; AWS: 64 hex digits).</summary>
        public string AdminCanonicalId => Tenant + "$admin";

        public string UserCanonicalId => Tenant + "$user";

        /// <summary>The UserName radosgw's Put/Get/DeleteUserPolicy wants: <c>tenant$uid</c>.</summary>
        public string IamUserName(string uid) => Tenant + "$" + uid;

        /// <summary>How a principal of ANOTHER tenant names this account's bucket: <c>tenant:bucket</c>.</summary>
        public string QualifiedBucket(string bucket) => Tenant + ":" + bucket;

        public AWSCredentials AdminCredentials => new BasicAWSCredentials(AdminAccessKey, AdminSecretKey);

        public AWSCredentials UserCredentials => new BasicAWSCredentials(UserAccessKey, UserSecretKey);

        public override string ToString() => $"{Label} ({Tenant})";
    }
}

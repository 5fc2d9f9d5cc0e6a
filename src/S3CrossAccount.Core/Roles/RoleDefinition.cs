using System.Collections.Generic;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Roles
{
    /// <summary>What New-XAccountRole asks for: the role, its trust, its access policy and its settings.</summary>
    public sealed class RoleDefinition
    {
        /// <summary>The default inline access policy name.</summary>
        public const string DefaultAccessPolicyName = "S3CrossAccountAccess";

        public string RoleName { get; set; } = string.Empty;

        /// <summary>The trust policy (who may call sts:AssumeRole).</summary>
        public PolicyDocument TrustPolicy { get; set; } = new PolicyDocument();

        /// <summary>The access policy; null for a role without one.</summary>
        public PolicyDocument? AccessPolicy { get; set; }

        /// <summary>Inline policy name, or the managed policy's name with <see cref="UseManagedPolicy"/>.</summary>
        public string AccessPolicyName { get; set; } = DefaultAccessPolicyName;

        /// <summary>Create a customer managed policy (marked as this module's by its path) and attach it, instead of an inline policy.</summary>
        public bool UseManagedPolicy { get; set; }

        public string? Description { get; set; }

        /// <summary>3600-43200 seconds; null leaves IAM's default (3600) or the current value.</summary>
        public int? MaxSessionDuration { get; set; }

        /// <summary>Role tags; null leaves the tags as they are.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>Replace a different trust or access policy instead of merging into it.</summary>
        public bool Force { get; set; }
    }
}

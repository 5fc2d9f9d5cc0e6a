using System;
using System.Collections.Generic;

namespace S3CrossAccount.Core.Roles
{
    /// <summary>The inputs of STS AssumeRole (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).</summary>
    public sealed class AssumeRoleOptions
    {
        public string RoleArn { get; set; } = string.Empty;

        /// <summary>2-64 characters of [\w+=,.@-]; null generates one.</summary>
        public string? RoleSessionName { get; set; }

        /// <summary>900 s up to the role's MaxSessionDuration; null is STS's default (3600).</summary>
        public int? DurationSeconds { get; set; }

        public string? ExternalId { get; set; }

        /// <summary>The MFA device's serial number or ARN; with <see cref="TokenCode"/>.</summary>
        public string? SerialNumber { get; set; }

        public string? TokenCode { get; set; }

        public string? SourceIdentity { get; set; }

        /// <summary>Session tags.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>How long AccessDenied is retried (IAM's eventual consistency right after a role or trust change).</summary>
        public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>A default session name: S3CrossAccount-yyyyMMddHHmmss (UTC).</summary>
        public static string GenerateSessionName(DateTime utcNow) => "S3CrossAccount-" + utcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
    }
}

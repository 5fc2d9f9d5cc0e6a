using System;

namespace S3CrossAccount.Core.Sessions
{
    /// <summary>
    /// AWS credentials owned by this module (for example the temporary credentials of an assumed
    /// role). The property names match what AWS Tools for PowerShell binds by name, and a PowerShell
    /// type converter turns it into AWS Tools' own AWSCredentials for their -Credential parameter.
    /// The secret key and session token are never shown: not by <see cref="ToString"/>, not by the
    /// default view.
    /// </summary>
    // Named, not typed: Core has no PowerShell reference. PowerShell reads this attribute when it needs a
    // conversion (LanguagePrimitives), so no types.ps1xml has to be loaded at import (that file cost ~50 ms there).
    [System.ComponentModel.TypeConverter("S3CrossAccount.Commands.Sessions.XAccountCredentialConverter, S3CrossAccount")]
    public sealed class XAccountCredential
    {
        public XAccountCredential(string accessKey, string secretKey, string? sessionToken = null, DateTimeOffset? expiration = null, string? assumedRoleArn = null, string? sourceDescription = null)
        {
            if (string.IsNullOrEmpty(accessKey)) throw new ArgumentException("An access key is required.", nameof(accessKey));
            if (string.IsNullOrEmpty(secretKey)) throw new ArgumentException("A secret key is required.", nameof(secretKey));
            AccessKey = accessKey;
            SecretKey = secretKey;
            SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
            Expiration = expiration;
            AssumedRoleArn = assumedRoleArn;
            SourceDescription = sourceDescription;
        }

        public string AccessKey { get; }

        public string SecretKey { get; }

        public string? SessionToken { get; }

        /// <summary>When temporary credentials stop working; null for long-term keys.</summary>
        public DateTimeOffset? Expiration { get; }

        public string? AssumedRoleArn { get; }

        /// <summary>Where these credentials came from, for diagnostics ("assumed role ...", "profile 'x'").</summary>
        public string? SourceDescription { get; }

        public bool IsTemporary => SessionToken != null;

        /// <summary>The access key ID is not secret (it appears in CloudTrail and in policies' error messages).</summary>
        public override string ToString()
        {
            var kind = IsTemporary ? "temporary" : "long-term";
            var expires = Expiration.HasValue ? ", expires " + Expiration.Value.ToString("u") : string.Empty;
            var role = AssumedRoleArn != null ? ", role " + AssumedRoleArn : string.Empty;
            return "AccessKey " + AccessKey + " (" + kind + expires + role + ")";
        }
    }
}

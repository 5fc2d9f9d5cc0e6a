using System;

namespace S3CrossAccount.Core.Sessions
{
    /// <summary>
    /// AWS credentials owned by this module (for example the temporary credentials of an assumed
    /// role). The secret key and session token are not properties: no PowerShell idiom that walks an
    /// object's properties (Format-List *, Select-Object *, ConvertTo-Json, Export-Clixml, Get-Member,
    /// PSObject.Properties) can reach them. They are read only through <see cref="GetCredentials"/>, the
    /// method AWS Tools' own AWSCredentials objects have, by the cmdlets' -Credential, by the type
    /// converter to AWS Tools' AWSCredentials, and by -SaveAs.
    /// </summary>
    // Named, not typed: Core has no PowerShell reference. PowerShell reads this attribute when it needs a
    // conversion (LanguagePrimitives), so no types.ps1xml has to be loaded at import (that file cost ~50 ms there).
    [System.ComponentModel.TypeConverter("S3CrossAccount.Commands.Sessions.XAccountCredentialConverter, S3CrossAccount")]
    public sealed class XAccountCredential
    {
        private readonly string _secretKey;
        private readonly string? _sessionToken;

        public XAccountCredential(string accessKey, string secretKey, string? sessionToken = null, DateTimeOffset? expiration = null, string? assumedRoleArn = null, string? sourceDescription = null)
        {
            if (string.IsNullOrEmpty(accessKey)) throw new ArgumentException("An access key is required.", nameof(accessKey));
            if (string.IsNullOrEmpty(secretKey)) throw new ArgumentException("A secret key is required.", nameof(secretKey));
            AccessKey = accessKey;
            _secretKey = secretKey;
            _sessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
            Expiration = expiration;
            AssumedRoleArn = assumedRoleArn;
            SourceDescription = sourceDescription;
            Credential = new XAccountCredentialHandle(this);
        }

        /// <summary>The access key ID is not secret (it appears in CloudTrail and in policies' error messages).</summary>
        public string AccessKey { get; }

        /// <summary>When temporary credentials stop working; null for long-term keys.</summary>
        public DateTimeOffset? Expiration { get; }

        public string? AssumedRoleArn { get; }

        /// <summary>Where these credentials came from, for diagnostics ("assumed role ...", "profile 'x'").</summary>
        public string? SourceDescription { get; }

        public bool IsTemporary => _sessionToken != null;

        /// <summary>
        /// These credentials again, under the name of the cmdlets' -Credential parameter, so that piping this
        /// object into a cmdlet binds it by property name. A handle, not this object, so that serializers that
        /// follow properties (ConvertTo-Json) meet no cycle.
        /// </summary>
        public XAccountCredentialHandle Credential { get; }

        /// <summary>
        /// The keys themselves, as AWS Tools' AWSCredentials.GetCredentials() returns them (AccessKey,
        /// SecretKey, Token, UseToken): the one explicit way to read the secret key and session token.
        /// </summary>
        public XAccountImmutableCredentials GetCredentials() => new XAccountImmutableCredentials(AccessKey, _secretKey, _sessionToken);

        public override string ToString()
        {
            var kind = IsTemporary ? "temporary" : "long-term";
            var expires = Expiration.HasValue ? ", expires " + Expiration.Value.ToString("u") : string.Empty;
            var role = AssumedRoleArn != null ? ", role " + AssumedRoleArn : string.Empty;
            return "AccessKey " + AccessKey + " (" + kind + expires + role + ")";
        }
    }
}

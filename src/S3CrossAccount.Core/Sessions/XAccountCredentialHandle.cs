namespace S3CrossAccount.Core.Sessions
{
    /// <summary>
    /// What <see cref="XAccountCredential.Credential"/> returns: a reference to the credential with no
    /// properties of its own, so it serializes as nothing and prints as the credential's safe text.
    /// </summary>
    [System.ComponentModel.TypeConverter("S3CrossAccount.Commands.Sessions.XAccountCredentialConverter, S3CrossAccount")]
    public sealed class XAccountCredentialHandle
    {
        internal XAccountCredentialHandle(XAccountCredential owner) => Owner = owner;

        /// <summary>Internal: a public property would make the handle a path back to the owner for serializers.</summary>
        internal XAccountCredential Owner { get; }

        /// <summary>The owner's keys (see <see cref="XAccountCredential.GetCredentials"/>).</summary>
        public XAccountImmutableCredentials GetCredentials() => Owner.GetCredentials();

        public override string ToString() => Owner.ToString();
    }
}

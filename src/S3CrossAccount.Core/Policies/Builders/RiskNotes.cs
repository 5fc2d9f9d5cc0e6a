namespace S3CrossAccount.Core.Policies.Builders
{
    /// <summary>
    /// Choices that are allowed but widen access or exposure, and the sentence a cmdlet warns with. One place, so
    /// every cmdlet that offers the choice says the same thing.
    /// </summary>
    public static class RiskNotes
    {
        /// <summary>One hour: the default session length of a role, and the longest role chaining allows.</summary>
        public const int DefaultSessionSeconds = 3600;

        /// <summary>The warning for an access preset, or null when the preset needs none.</summary>
        public static string? ForPreset(S3AccessPreset preset) =>
            preset == S3AccessPreset.Console
                ? "The Console preset adds s3:ListAllMyBuckets on arn:aws:s3:::* (every bucket name of the account becomes visible) and s3:ListBucket on the bucket (every key name). Use ReadWrite when only programs need the access."
                : null;

        /// <summary>
        /// The warning for a session longer than an hour, or null: temporary credentials that leak stay usable
        /// until they expire, and revoking them early means revoking every session of the role.
        /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
        /// </summary>
        public static string? ForSessionSeconds(int? seconds) =>
            seconds > DefaultSessionSeconds
                ? $"Sessions of {seconds} seconds ({seconds / 3600.0:0.#} hours) stay valid that long if their credentials leak; revoking them early revokes every session of the role. Keep sessions at one hour unless a job needs longer."
                : null;
    }
}

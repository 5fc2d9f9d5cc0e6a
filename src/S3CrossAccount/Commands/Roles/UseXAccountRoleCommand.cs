using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Roles;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>
    /// Seed method 3, step 4: assumes the role and returns its temporary credentials, usable as
    /// -Credential here and in AWS Tools, or saved as a profile with -SaveAs.
    /// </summary>
    [Cmdlet(VerbsOther.Use, "XAccountRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Use-XAccountRole.md")]
    [OutputType(typeof(XAccountCredential))]
    public sealed class UseXAccountRoleCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RoleArn { get; set; } = string.Empty;

        [Parameter]
        [ValidatePattern(@"^[A-Za-z0-9_+=,.@-]{2,64}\z")]
        public string? RoleSessionName { get; set; }

        [Parameter]
        [ValidateRange(900, 43200)]
        public int? DurationSeconds { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExternalId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SerialNumber { get; set; }

        [Parameter]
        [ValidatePattern(@"^[0-9]{6}\z")]
        public string? TokenCode { get; set; }

        [Parameter]
        [ValidatePattern(@"^[A-Za-z0-9_+=,.@-]{2,64}\z")]
        public string? SourceIdentity { get; set; }

        /// <summary>Session tags.</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Seconds to keep retrying AccessDenied right after the role was created or changed.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int PropagationTimeout { get; set; } = 60;

        /// <summary>Also write the credentials as this profile in the shared credentials file (or -ProfileLocation).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SaveAs { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var risk = Core.Policies.Builders.RiskNotes.ForSessionSeconds(DurationSeconds);
            if (risk != null)
            {
                WriteWarning(risk);
            }
        }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            TryRun(() =>
            {
                var session = GetAwsSession();
                var credential = new RoleAssumer(session, WriteVerbose).Assume(new AssumeRoleOptions
                {
                    RoleArn = RoleArn,
                    RoleSessionName = RoleSessionName ?? AssumeRoleOptions.GenerateSessionName(DateTime.UtcNow),
                    DurationSeconds = DurationSeconds,
                    ExternalId = ExternalId,
                    SerialNumber = SerialNumber,
                    TokenCode = TokenCode,
                    SourceIdentity = SourceIdentity,
                    Tags = Tag?.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? string.Empty),
                    PropagationTimeout = TimeSpan.FromSeconds(PropagationTimeout),
                }, CancellationToken);
                WriteVerbose($"Assumed {RoleArn}: access key {credential.AccessKey}, expires {credential.Expiration:u}.");

                if (SaveAs != null)
                {
                    var file = ProfileLocation != null
                        ? GetUnresolvedProviderPathFromPSPath(ProfileLocation)
                        : AwsFileLocations.FromEnvironment(ProcessEnvironment.Instance).CredentialsFile;
                    if (ShouldProcess(file, $"Write profile '{SaveAs}' with the role's temporary credentials"))
                    {
                        CredentialProfileWriter.Write(file, SaveAs, credential, session.Region);
                        WriteVerbose($"Saved profile '{SaveAs}' in {file} (owner-only permissions).");
                    }
                }

                WriteObject(credential);
            });
        }
    }
}

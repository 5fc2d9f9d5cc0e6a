using System.Management.Automation;
using System.Threading;

namespace S3CrossAccount.Commands.Base
{
    /// <summary>
    /// Base of every cmdlet that calls AWS. Declares AWS Tools for PowerShell's common credential and
    /// region parameters with their aliases (aws-tools-for-powershell Common/CredentialsArguments.cs,
    /// BaseCmdlets.cs), resolves them in AWS Tools' order (once in BeginProcessing; per changed input in
    /// ProcessRecord when input is piped), writes the sources to the Debug stream like AWS Tools
    /// ("Credentials obtained from ...", "Region obtained from ... with value ..."), and cancels
    /// <see cref="CancellationToken"/> on Ctrl+C. A resolution failure (NoCredentials, ProfileNotFound, ...)
    /// terminates the command.
    /// Import-time rule: no field, property or parameter of a cmdlet (this class and those deriving from it) has a
    /// type from S3CrossAccount.Aws or AWSSDK.*, because PowerShell reflects over cmdlet classes at import and touching
    /// such a type would load the AWS SDK; a session or service kept between records is held as object. Methods may
    /// use AWS types (a cmdlet builds its service in ProcessRecord): they load the SDK only when the cmdlet runs.
    /// Enforced by tests/S3CrossAccount.Engine.Tests/Sessions/ImportTimeRuleTests.
    /// </summary>
    public abstract class AwsCmdlet : XAccountCmdlet
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        // Holds an S3CrossAccount.Aws.AwsSession; typed object for the import-time rule above.
        private object? _session;
        private object?[]? _resolvedFor;

        /// <summary>The AWS access key ID; with -SecretKey (and -SessionToken for temporary credentials).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        /// <summary>
        /// Binds by property name too (AWS Tools binds only -AccessKey), so piping an object with SecretKey or
        /// SecretAccessKey supplies both halves of the key. This module's credential object has no such property:
        /// it binds through its Credential property to -Credential.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        /// <summary>A profile in the shared credentials/config files (or the .NET SDK store); missing = error.</summary>
        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(Completers.ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        /// <summary>
        /// Credentials: this module's XAccountCredential, or AWS Tools' AWSCredentials (accepted by shape).
        /// AWS Tools binds it ValueFromPipeline; here it binds by property name only, so a credential object
        /// in the pipeline never steals input meant for another parameter (an object with a Credential
        /// property, such as Use-XAccountRole's output, still binds).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Credential { get; set; }

        /// <summary>A region system name, or AWS Tools' AWSRegion object.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.RegionCompleter))]
        public object? Region { get; set; }

        /// <summary>A non-AWS or private endpoint (for example an S3-compatible server); path-style addressing is used.</summary>
        [Parameter]
        public string? EndpointUrl { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing); pass it to every AWS call.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>
        /// The resolved session: an S3CrossAccount.Aws.AwsSession. A method (not a property) so that
        /// its AWS-typed signature is only touched when a cmdlet runs.
        /// </summary>
        protected S3CrossAccount.Aws.AwsSession GetAwsSession() =>
            (S3CrossAccount.Aws.AwsSession)(_session ?? throw new PSInvalidOperationException("The AWS session is resolved in BeginProcessing; call base.BeginProcessing() and base.ProcessRecord() first."));

        /// <summary>
        /// Without pipeline input the session is resolved once, in BeginProcessing. With pipeline input
        /// (-AccessKey, -SecretKey, -SessionToken, -Credential and -Region bind by property name, so each
        /// input object may carry its own credentials) it is resolved in ProcessRecord, again only when
        /// one of those values changed. Derived cmdlets call base.ProcessRecord() first.
        /// </summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!NeedsAwsSession)
            {
                return;
            }

            if (!MyInvocation.ExpectingInput)
            {
                ResolveSession();
            }
        }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            if (NeedsAwsSession && MyInvocation.ExpectingInput)
            {
                var key = new object?[] { AccessKey, SecretKey, SessionToken, Credential, Region };
                if (_session == null || !SameValues(key, _resolvedFor))
                {
                    ResolveSession();
                    _resolvedFor = key;
                }
            }
        }

        /// <summary>
        /// False for a parameter set that works offline (Test-XAccountAccess without -Live): then no credentials
        /// are looked for, and a machine without any still runs the command.
        /// </summary>
        protected virtual bool NeedsAwsSession => true;

        /// <summary>Resolves the session from the current parameter values; a failure terminates the command.</summary>
        protected void ResolveSession()
        {
            var outcome = Sessions.AwsSessionBinder.Resolve(this);
            if (outcome.Error != null)
            {
                ThrowXAccountError(outcome.Error);
            }

            _session = outcome.Session;
            WriteDebug("Credentials obtained from " + outcome.CredentialSource);
            WriteDebug("Region obtained from " + outcome.RegionSource + " with value " + outcome.Region);
        }

        /// <summary>
        /// A session for the other account's credentials (a profile, or a credential object), resolved with this
        /// command's -ProfileLocation, -Region and -EndpointUrl; a failure terminates the command.
        /// </summary>
        protected S3CrossAccount.Aws.AwsSession ResolveOtherSession(string? profileName, object? credential)
        {
            var outcome = Sessions.AwsSessionBinder.ResolveOther(this, profileName, credential);
            if (outcome.Error != null)
            {
                ThrowXAccountError(outcome.Error);
            }

            WriteDebug("Other account's credentials obtained from " + outcome.CredentialSource);
            return (S3CrossAccount.Aws.AwsSession)outcome.Session!;
        }

        private static bool SameValues(object?[] current, object?[]? previous)
        {
            if (previous == null) return false;
            for (var i = 0; i < current.Length; i++)
            {
                if (!Equals(current[i], previous[i])) return false;
            }

            return true;
        }

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            base.StopProcessing();
        }
    }
}

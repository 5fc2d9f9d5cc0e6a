using System;
using System.Collections.Generic;
using System.Threading;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Roles;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>
    /// The run-time half of the role cmdlets: the only place they touch S3CrossAccount.Aws types, so
    /// nothing from the AWS side loads when PowerShell reflects over the cmdlet classes at import.
    /// </summary>
    internal static class RoleCommands
    {
        /// <summary>Module-side copy of the role definition (no Aws type in cmdlet members).</summary>
        internal sealed class Definition
        {
            internal string RoleName = string.Empty;
            internal PolicyDocument TrustPolicy = new PolicyDocument();
            internal PolicyDocument? AccessPolicy;
            internal string AccessPolicyName = string.Empty;
            internal bool UseManagedPolicy;
            internal int? MaxSessionDuration;
            internal string? Description;
            internal IDictionary<string, string>? Tags;
            internal bool Force;
        }

        internal static XAccountRole? EnsureRole(AwsSession session, Definition d, Action<string> verbose, Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            using var service = new RoleService(session, verbose);
            return service.EnsureRole(new RoleDefinition
            {
                RoleName = d.RoleName,
                TrustPolicy = d.TrustPolicy,
                AccessPolicy = d.AccessPolicy,
                AccessPolicyName = d.AccessPolicyName,
                UseManagedPolicy = d.UseManagedPolicy,
                MaxSessionDuration = d.MaxSessionDuration,
                Description = d.Description,
                Tags = d.Tags,
                Force = d.Force,
            }, shouldProcess, ct);
        }

        internal static bool RemoveRole(AwsSession session, string roleName, Action<string> verbose, Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            using var service = new RoleService(session, verbose);
            return service.RemoveRole(roleName, shouldProcess, ct);
        }

        internal static string RoleNameFromArn(string roleArn) => RoleNames.FromArn(roleArn);

        internal static XAccountIdentityPolicy SetIdentityPolicy(AwsSession session, IamIdentityType type, string name, string policyName, PolicyDocument policy, bool replace,
            Action<string> verbose, Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            using var service = new IdentityPolicyService(session, verbose);
            return service.SetPolicy(type, name, policyName, policy, replace, shouldProcess, ct);
        }

        internal static string DefaultAssumeRolePolicyName => IdentityPolicyService.DefaultAssumeRolePolicyName;

        internal static XAccountCredential Assume(AwsSession session, string roleArn, string? sessionName, int? duration, string? externalId, string? serialNumber, string? tokenCode,
            string? sourceIdentity, IDictionary<string, string>? tags, TimeSpan propagationTimeout, Action<string> verbose, CancellationToken ct)
        {
            return new RoleAssumer(session, verbose).Assume(new AssumeRoleOptions
            {
                RoleArn = roleArn,
                RoleSessionName = sessionName ?? AssumeRoleOptions.GenerateSessionName(DateTime.UtcNow),
                DurationSeconds = duration,
                ExternalId = externalId,
                SerialNumber = serialNumber,
                TokenCode = tokenCode,
                SourceIdentity = sourceIdentity,
                Tags = tags,
                PropagationTimeout = propagationTimeout,
            }, ct);
        }

        internal static string SessionRegion(AwsSession session) => session.Region;

        internal static void SaveProfile(string path, string profileName, XAccountCredential credential, string? region) =>
            CredentialProfileWriter.Write(path, profileName, credential, region);

        internal static string DefaultCredentialsFile() =>
            S3CrossAccount.Aws.Credentials.AwsFileLocations.FromEnvironment(S3CrossAccount.Aws.Credentials.ProcessEnvironment.Instance).CredentialsFile;
    }
}

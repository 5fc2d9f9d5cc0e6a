using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Core.Policies.Builders
{
    /// <summary>Ready-made sets of S3 permissions.</summary>
    public enum S3AccessPreset
    {
        /// <summary>s3:GetObject on the objects (plus s3:GetObjectVersion with IncludeObjectVersions).</summary>
        Read,

        /// <summary>s3:PutObject on the objects (plus s3:PutObjectAcl across accounts, so uploads can grant the bucket owner full control).</summary>
        Write,

        /// <summary>Read and Write.</summary>
        ReadWrite,

        /// <summary>s3:ListBucket and s3:GetBucketLocation on the bucket.</summary>
        List,

        /// <summary>What the S3 console needs: s3:ListAllMyBuckets, List, and ReadWrite.</summary>
        Console,
    }

    /// <summary>Who holds the permission, which changes what Write needs and where ListAllMyBuckets can go.</summary>
    public enum GrantSide
    {
        /// <summary>An identity policy in the other account (account B) for the bucket in account A.</summary>
        IdentityCrossAccount,

        /// <summary>The bucket policy of account A naming principals of account B.</summary>
        BucketPolicy,

        /// <summary>The access policy of a role in the bucket's own account (the role owns what it uploads).</summary>
        RoleInBucketAccount,
    }

    /// <summary>What to grant on which bucket: a preset or an explicit action list, optionally limited to a folder prefix.</summary>
    public sealed record S3AccessRequest
    {
        public S3AccessRequest(string bucket) => Bucket = bucket;

        public string Bucket { get; init; }

        /// <summary>Folder prefix ("FolderName" or "FolderName/"); null for the whole bucket.</summary>
        public string? Prefix { get; init; }

        /// <summary>The preset; ignored when <see cref="Actions"/> is given.</summary>
        public S3AccessPreset Access { get; init; } = S3AccessPreset.Read;

        /// <summary>Explicit S3 actions (s3:...); each goes to the resource kind it acts on.</summary>
        public IReadOnlyList<string>? Actions { get; init; }

        /// <summary>Adds s3:GetObjectVersion to presets that read objects (versioned buckets).</summary>
        public bool IncludeObjectVersions { get; init; }

        public string Partition { get; init; } = Identifiers.Partition.Aws;
    }

    /// <summary>The resource kind an S3 action applies to.</summary>
    public enum S3ActionScope
    {
        Object,
        Bucket,

        /// <summary>Account-level actions such as s3:ListAllMyBuckets (resource arn:aws:s3:::*).</summary>
        Account,

        /// <summary>Wildcard actions that can match both (s3:*, s3:Get*).</summary>
        BucketAndObject,
    }

    public static class S3Actions
    {
        public const string GetObject = "s3:GetObject";
        public const string GetObjectVersion = "s3:GetObjectVersion";
        public const string PutObject = "s3:PutObject";
        public const string PutObjectAcl = "s3:PutObjectAcl";
        public const string ListBucket = "s3:ListBucket";
        public const string GetBucketLocation = "s3:GetBucketLocation";
        public const string ListAllMyBuckets = "s3:ListAllMyBuckets";

        private static readonly string[] AccountLevel = { "ListAllMyBuckets", "ListAccessPoints", "ListJobs", "CreateJob", "GetAccessPoint", "PutAccessPointPublicAccessBlock", "GetAccountPublicAccessBlock", "PutAccountPublicAccessBlock", "ListStorageLensConfigurations" };

        /// <summary>Which resource an S3 action acts on (by the S3 action naming: *Bucket* and List* on buckets, the rest on objects).</summary>
        public static S3ActionScope ScopeOf(string action)
        {
            var name = action.Substring(action.IndexOf(':') + 1);
            if (name.IndexOf('*') >= 0 || name.IndexOf('?') >= 0)
            {
                return S3ActionScope.BucketAndObject;
            }

            if (AccountLevel.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
            {
                return S3ActionScope.Account;
            }

            // Object-level actions that mention neither "Bucket" nor start with List, except these.
            if (string.Equals(name, "ListMultipartUploadParts", StringComparison.OrdinalIgnoreCase))
            {
                return S3ActionScope.Object;
            }

            return name.IndexOf("Bucket", StringComparison.OrdinalIgnoreCase) >= 0 || name.StartsWith("List", StringComparison.OrdinalIgnoreCase)
                ? S3ActionScope.Bucket
                : S3ActionScope.Object;
        }

        /// <summary>Checks "service:Action" syntax (letters, digits, * and ? in the name).</summary>
        public static string Validate(string? action, bool s3Only)
        {
            var colon = action?.IndexOf(':') ?? -1;
            string? problem = null;
            if (string.IsNullOrEmpty(action))
            {
                problem = "it is empty";
            }
            else if (action == "*")
            {
                problem = s3Only ? "'*' is every action of every service; use s3:* for all S3 actions" : null;
            }
            else if (colon <= 0 || colon == action!.Length - 1)
            {
                problem = "an action has the form service:ActionName, for example s3:GetObject";
            }
            else if (!action.Substring(0, colon).All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                problem = $"the service prefix '{action.Substring(0, colon)}' must be lower-case letters, digits and hyphens";
            }
            else if (!action.Substring(colon + 1).All(c => char.IsLetterOrDigit(c) && c < 128 || c == '*' || c == '?'))
            {
                problem = "the action name may contain only letters, digits, '*' and '?'";
            }
            else if (s3Only && !action.StartsWith("s3:", StringComparison.OrdinalIgnoreCase))
            {
                problem = "this builder grants S3 access; give s3:... actions";
            }

            if (problem != null)
            {
                throw new XAccountException(ErrorCode.InvalidAction, $"'{action}' is not a valid action: {problem}.", action,
                    "Use actions from the S3 action list, for example s3:GetObject, s3:PutObject, s3:ListBucket.");
            }

            return action!;
        }

        /// <summary>The actions of a preset for one scope, in the order the AWS examples list them.</summary>
        public static IReadOnlyList<string> ForPreset(S3AccessPreset preset, S3ActionScope scope, GrantSide side, bool includeVersions)
        {
            var list = new List<string>();
            var read = preset == S3AccessPreset.Read || preset == S3AccessPreset.ReadWrite || preset == S3AccessPreset.Console;
            var write = preset == S3AccessPreset.Write || preset == S3AccessPreset.ReadWrite || preset == S3AccessPreset.Console;
            var listing = preset == S3AccessPreset.List || preset == S3AccessPreset.Console;
            switch (scope)
            {
                case S3ActionScope.Account:
                    if (preset == S3AccessPreset.Console && side != GrantSide.BucketPolicy)
                    {
                        list.Add(ListAllMyBuckets);
                    }

                    break;
                case S3ActionScope.Bucket:
                    if (listing)
                    {
                        list.Add(ListBucket);
                        list.Add(GetBucketLocation);
                    }

                    break;
                case S3ActionScope.Object:
                    if (read)
                    {
                        list.Add(GetObject);
                        if (includeVersions)
                        {
                            list.Add(GetObjectVersion);
                        }
                    }

                    if (write)
                    {
                        list.Add(PutObject);

                        // Across accounts the uploader owns the object unless it grants the bucket owner
                        // full control, which needs PutObjectAcl (seeds 000/002). A role in the bucket
                        // account owns its uploads already, so the console policy there has no PutObjectAcl.
                        if (side != GrantSide.RoleInBucketAccount)
                        {
                            list.Add(PutObjectAcl);
                        }
                    }

                    break;
            }

            return list;
        }
    }
}

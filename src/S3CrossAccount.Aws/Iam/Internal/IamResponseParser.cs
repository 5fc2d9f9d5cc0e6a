using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// Maps the &lt;ActionResult&gt; element of IAM responses to the module's types, by local name
    /// (the IAM namespace https://iam.amazonaws.com/doc/2010-05-08/ is not required, since
    /// compatible servers differ). Shapes: https://docs.aws.amazon.com/IAM/latest/APIReference/.
    /// </summary>
    internal static class IamResponseParser
    {
        public static Role ParseRole(XElement? role)
        {
            var result = new Role();
            if (role == null) return result;
            result.Arn = Text(role, "Arn") ?? string.Empty;
            result.RoleName = Text(role, "RoleName") ?? string.Empty;
            result.RoleId = Text(role, "RoleId") ?? string.Empty;
            result.Path = Text(role, "Path") ?? "/";
            result.CreateDate = Date(role, "CreateDate") ?? default;
            result.Description = Text(role, "Description");
            result.MaxSessionDuration = Int(role, "MaxSessionDuration");
            var trust = Text(role, "AssumeRolePolicyDocument");
            result.AssumeRolePolicyDocument = trust == null ? null : PolicyDocumentText.Decode(trust);
            result.PermissionsBoundaryArn = Text(Child(role, "PermissionsBoundary"), "PermissionsBoundaryArn");
            result.Tags = ParseTags(Child(role, "Tags"));
            return result;
        }

        public static ManagedPolicy ParsePolicy(XElement? policy)
        {
            var result = new ManagedPolicy();
            if (policy == null) return result;
            result.PolicyName = Text(policy, "PolicyName") ?? string.Empty;
            result.PolicyId = Text(policy, "PolicyId") ?? string.Empty;
            result.Arn = Text(policy, "Arn") ?? string.Empty;
            result.Path = Text(policy, "Path") ?? "/";
            result.DefaultVersionId = Text(policy, "DefaultVersionId") ?? string.Empty;
            result.AttachmentCount = Int(policy, "AttachmentCount") ?? 0;
            result.PermissionsBoundaryUsageCount = Int(policy, "PermissionsBoundaryUsageCount") ?? 0;
            result.IsAttachable = Bool(policy, "IsAttachable") ?? false;
            result.Description = Text(policy, "Description");
            result.CreateDate = Date(policy, "CreateDate") ?? default;
            result.UpdateDate = Date(policy, "UpdateDate") ?? default;
            result.Tags = ParseTags(Child(policy, "Tags"));
            return result;
        }

        public static PolicyVersion ParsePolicyVersion(XElement? version)
        {
            var result = new PolicyVersion();
            if (version == null) return result;
            result.VersionId = Text(version, "VersionId") ?? string.Empty;
            result.IsDefaultVersion = Bool(version, "IsDefaultVersion") ?? false;
            result.CreateDate = Date(version, "CreateDate") ?? default;
            var document = Text(version, "Document");
            result.Document = document == null ? null : PolicyDocumentText.Decode(document);
            return result;
        }

        public static User ParseUser(XElement? user)
        {
            var result = new User();
            if (user == null) return result;
            result.Arn = Text(user, "Arn") ?? string.Empty;
            result.UserName = Text(user, "UserName") ?? string.Empty;
            result.UserId = Text(user, "UserId") ?? string.Empty;
            result.Path = Text(user, "Path") ?? "/";
            result.CreateDate = Date(user, "CreateDate") ?? default;
            result.PasswordLastUsed = Date(user, "PasswordLastUsed");
            result.Tags = ParseTags(Child(user, "Tags"));
            return result;
        }

        /// <summary>
        /// Tags.member.N/Key + Value. radosgw has been seen to split one tag over two members
        /// (&lt;member&gt;&lt;Key&gt;k&lt;/Key&gt;&lt;/member&gt;&lt;member&gt;&lt;Value&gt;v&lt;/Value&gt;&lt;/member&gt;,
        /// shared/rgw/probe-results.md); a Key-only member followed by a Value-only member is one tag.
        /// </summary>
        public static List<Tag> ParseTags(XElement? tags)
        {
            var members = Members(tags).ToList();
            var result = new List<Tag>();
            for (var i = 0; i < members.Count; i++)
            {
                var key = Child(members[i], "Key");
                var value = Child(members[i], "Value");
                if (key != null && value == null && i + 1 < members.Count
                    && Child(members[i + 1], "Key") == null && Child(members[i + 1], "Value") != null)
                {
                    value = Child(members[++i], "Value");
                }
                result.Add(new Tag(key?.Value ?? string.Empty, value?.Value ?? string.Empty));
            }
            return result;
        }

        public static List<Role> ParseRoles(XElement? list)
            => Members(list).Select(ParseRole).ToList();

        public static List<string> ParseNames(XElement? list)
            => Members(list).Select(m => m.Value).ToList();

        public static List<AttachedPolicy> ParseAttachedPolicies(XElement? list)
            => Members(list).Select(m => new AttachedPolicy
            {
                PolicyName = Text(m, "PolicyName") ?? string.Empty,
                PolicyArn = Text(m, "PolicyArn") ?? string.Empty,
            }).ToList();

        public static List<PolicyVersion> ParsePolicyVersions(XElement? list)
            => Members(list).Select(ParsePolicyVersion).ToList();

        public static void ParsePage(XElement? result, IamPagedResponse page)
        {
            page.IsTruncated = Bool(result, "IsTruncated") ?? false;
            page.Marker = page.IsTruncated ? Text(result, "Marker") : null;
        }

        public static XElement? Child(XElement? parent, string name)
            => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        public static string? Text(XElement? parent, string name) => Child(parent, name)?.Value;

        private static IEnumerable<XElement> Members(XElement? list)
            => list == null ? Enumerable.Empty<XElement>() : list.Elements().Where(e => e.Name.LocalName == "member");

        private static int? Int(XElement? parent, string name)
        {
            var text = Text(parent, name);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
        }

        private static bool? Bool(XElement? parent, string name)
        {
            var text = Text(parent, name);
            return bool.TryParse(text?.Trim(), out var value) ? value : (bool?)null;
        }

        // ISO 8601 timestamps in UTC (e.g. 2019-11-20T17:09:20Z).
        private static DateTime? Date(XElement? parent, string name)
        {
            var text = Text(parent, name);
            if (string.IsNullOrWhiteSpace(text)) return null;
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
                ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
                : (DateTime?)null;
        }
    }
}

using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Json;

namespace S3CrossAccount.Core.Policies
{
    /// <summary>Turns the JSON DOM into the policy model, rejecting what AWS rejects with the path of the problem.</summary>
    internal static class PolicyReader
    {
        private static readonly string[] TopLevelKeys = { "Version", "Id", "Statement" };

        private static readonly string[] StatementKeys =
            { "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition" };

        public static PolicyDocument Read(JsonValue root)
        {
            var obj = root as JsonObject ?? throw Error("(document)", root, $"a policy must be a JSON object but this is {root.KindDescription}");
            string? version = null, id = null;
            JsonValue? statementValue = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in obj.Members)
            {
                CheckKey(m, seen, TopLevelKeys, string.Empty, "Version, Id, Statement");
                switch (m.Key)
                {
                    case "Version":
                        version = ReadString(m.Value, "Version");
                        if (version != PolicyDocument.Version2012 && version != PolicyDocument.Version2008)
                        {
                            throw Error("Version", m.Value, $"'{version}' is not a policy language version; use \"{PolicyDocument.Version2012}\" (or the older \"{PolicyDocument.Version2008}\")");
                        }

                        break;
                    case "Id":
                        id = ReadString(m.Value, "Id");
                        break;
                    default:
                        statementValue = m.Value;
                        break;
                }
            }

            if (statementValue == null)
            {
                throw Error("Statement", obj, "the policy has no Statement element");
            }

            var statements = new List<PolicyStatement>();
            var single = false;
            if (statementValue is JsonObject so)
            {
                single = true;
                statements.Add(ReadStatement(so, "Statement"));
            }
            else if (statementValue is JsonArray sa)
            {
                for (var i = 0; i < sa.Items.Count; i++)
                {
                    var path = "Statement[" + i + "]";
                    var item = sa.Items[i] as JsonObject ?? throw Error(path, sa.Items[i], $"a statement must be a JSON object but this is {sa.Items[i].KindDescription}");
                    statements.Add(ReadStatement(item, path));
                }
            }
            else
            {
                throw Error("Statement", statementValue, $"Statement must be an object or an array of objects but this is {statementValue.KindDescription}");
            }

            return new PolicyDocument { Version = version, Id = id, Statements = statements, StatementIsSingleObject = single };
        }

        private static PolicyStatement ReadStatement(JsonObject obj, string path)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? sid = null;
            PolicyEffect? effect = null;
            PrincipalBlock? principal = null, notPrincipal = null;
            PolicyValueList? action = null, notAction = null, resource = null, notResource = null;
            PolicyCondition? condition = null;
            foreach (var m in obj.Members)
            {
                CheckKey(m, seen, StatementKeys, path + ".", "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition");
                var p = path + "." + m.Key;
                switch (m.Key)
                {
                    case "Sid":
                        sid = ReadString(m.Value, p);
                        break;
                    case "Effect":
                        var e = ReadString(m.Value, p);
                        effect = e == "Allow" ? PolicyEffect.Allow : e == "Deny" ? PolicyEffect.Deny
                            : throw Error(p, m.Value, $"'{e}' is not an effect; use \"Allow\" or \"Deny\" (exact case)");
                        break;
                    case "Principal":
                        principal = ReadPrincipal(m.Value, p);
                        break;
                    case "NotPrincipal":
                        notPrincipal = ReadPrincipal(m.Value, p);
                        break;
                    case "Action":
                        action = ReadValueList(m.Value, p);
                        break;
                    case "NotAction":
                        notAction = ReadValueList(m.Value, p);
                        break;
                    case "Resource":
                        resource = ReadValueList(m.Value, p);
                        break;
                    case "NotResource":
                        notResource = ReadValueList(m.Value, p);
                        break;
                    default:
                        condition = ReadCondition(m.Value, p);
                        break;
                }
            }

            if (effect == null)
            {
                throw Error(path + ".Effect", obj, "the statement has no Effect; add \"Effect\": \"Allow\" or \"Deny\"");
            }

            Exclusive(obj, path, "Principal", principal, "NotPrincipal", notPrincipal);
            Exclusive(obj, path, "Action", action, "NotAction", notAction);
            Exclusive(obj, path, "Resource", resource, "NotResource", notResource);
            if (action == null && notAction == null)
            {
                throw Error(path + ".Action", obj, "the statement has neither Action nor NotAction");
            }

            return new PolicyStatement
            {
                Sid = sid,
                Effect = effect.Value,
                Principal = principal,
                NotPrincipal = notPrincipal,
                Action = action,
                NotAction = notAction,
                Resource = resource,
                NotResource = notResource,
                Condition = condition,
            };
        }

        private static void Exclusive(JsonObject obj, string path, string a, object? va, string b, object? vb)
        {
            if (va != null && vb != null)
            {
                throw Error(path + "." + b, obj, $"a statement cannot have both {a} and {b}");
            }
        }

        private static PrincipalBlock ReadPrincipal(JsonValue value, string path)
        {
            if (value is JsonString s)
            {
                if (s.Value == "*")
                {
                    return PrincipalBlock.Wildcard;
                }

                throw Error(path, value, $"the only string form of a principal is \"*\"; write {{\"AWS\": \"{s.Value}\"}} (or CanonicalUser, Service, Federated) instead");
            }

            var obj = value as JsonObject ?? throw Error(path, value, $"a principal must be \"*\" or an object such as {{\"AWS\": \"arn:...\"}} but this is {value.KindDescription}");
            if (obj.Members.Count == 0)
            {
                throw Error(path, value, "the principal object is empty; name at least one of AWS, CanonicalUser, Service, Federated");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entries = new List<KeyValuePair<string, PolicyValueList>>(obj.Members.Count);
            foreach (var m in obj.Members)
            {
                CheckKey(m, seen, PrincipalTypes.All, path + ".", "AWS, CanonicalUser, Service, Federated");
                entries.Add(new KeyValuePair<string, PolicyValueList>(m.Key, ReadValueList(m.Value, path + "." + m.Key)));
            }

            return PrincipalBlock.FromEntries(entries);
        }

        private static PolicyValueList ReadValueList(JsonValue value, string path)
        {
            if (value is JsonString s)
            {
                return PolicyValueList.Single(s.Value);
            }

            var arr = value as JsonArray ?? throw Error(path, value, $"expected a string or an array of strings but this is {value.KindDescription}");
            if (arr.Items.Count == 0)
            {
                throw Error(path, value, "the array is empty; give at least one value");
            }

            var values = new string[arr.Items.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = arr.Items[i] is JsonString item ? item.Value
                    : throw Error(path + "[" + i + "]", arr.Items[i], $"expected a string but this is {arr.Items[i].KindDescription}");
            }

            return PolicyValueList.Array(values);
        }

        private static PolicyCondition ReadCondition(JsonValue value, string path)
        {
            var obj = value as JsonObject ?? throw Error(path, value, $"Condition must be an object of operators but this is {value.KindDescription}");
            var seenOps = new HashSet<string>(StringComparer.Ordinal);
            var clauses = new List<ConditionClause>(obj.Members.Count);
            foreach (var op in obj.Members)
            {
                var opPath = path + "." + op.Key;
                if (!seenOps.Add(op.Key))
                {
                    throw Error(opPath, op.Value, $"the operator {op.Key} appears twice in one Condition; put all its keys in one block");
                }

                var keys = op.Value as JsonObject ?? throw Error(opPath, op.Value, $"a condition operator takes an object of condition keys but this is {op.Value.KindDescription}");
                var seenKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var entries = new List<ConditionEntry>(keys.Members.Count);
                foreach (var k in keys.Members)
                {
                    var keyPath = opPath + "." + k.Key;
                    if (!seenKeys.Add(k.Key))
                    {
                        throw Error(keyPath, k.Value, $"the condition key {k.Key} appears twice under {op.Key}");
                    }

                    if (k.Value is JsonArray arr)
                    {
                        if (arr.Items.Count == 0)
                        {
                            throw Error(keyPath, k.Value, "the array is empty; give at least one value");
                        }

                        var values = new ConditionValue[arr.Items.Count];
                        for (var i = 0; i < values.Length; i++)
                        {
                            values[i] = ReadConditionValue(arr.Items[i], keyPath + "[" + i + "]");
                        }

                        entries.Add(new ConditionEntry(k.Key, values, false));
                    }
                    else
                    {
                        entries.Add(new ConditionEntry(k.Key, new[] { ReadConditionValue(k.Value, keyPath) }, true));
                    }
                }

                clauses.Add(new ConditionClause(op.Key, entries));
            }

            return new PolicyCondition(clauses);
        }

        private static ConditionValue ReadConditionValue(JsonValue value, string path) => value switch
        {
            JsonString s => new ConditionValue(s.Value, ConditionValueKind.String),
            JsonNumber n => new ConditionValue(n.RawText, ConditionValueKind.Number),
            { Kind: JsonKind.True } => new ConditionValue("true", ConditionValueKind.Boolean),
            { Kind: JsonKind.False } => new ConditionValue("false", ConditionValueKind.Boolean),
            _ => throw Error(path, value, $"a condition value must be a string, number or boolean but this is {value.KindDescription}"),
        };

        private static string ReadString(JsonValue value, string path) =>
            value is JsonString s ? s.Value : throw Error(path, value, $"expected a string but this is {value.KindDescription}");

        private static void CheckKey(KeyValuePair<string, JsonValue> member, HashSet<string> seen, string[] allowed, string prefix, string allowedText)
        {
            var path = prefix + member.Key;
            if (Array.IndexOf(allowed, member.Key) < 0)
            {
                var hint = Array.Find(allowed, a => string.Equals(a, member.Key, StringComparison.OrdinalIgnoreCase));
                throw Error(path, member.Value, hint != null
                    ? $"unknown element '{member.Key}'; element names are case-sensitive, did you mean '{hint}'?"
                    : $"unknown element '{member.Key}'; allowed here: {allowedText}");
            }

            if (!seen.Add(member.Key))
            {
                throw Error(path, member.Value, $"the element '{member.Key}' appears twice");
            }
        }

        private static XAccountException Error(string path, JsonValue at, string problem)
        {
            var where = at.Line > 0 ? $" (line {at.Line}, column {at.Column})" : string.Empty;
            return new XAccountException(
                ErrorCode.InvalidPolicyDocument,
                $"Invalid policy at {path}: {problem}{where}.",
                path,
                "Correct the policy element named in the message; see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html");
        }
    }
}

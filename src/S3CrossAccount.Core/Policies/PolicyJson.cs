using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Json;

namespace S3CrossAccount.Core.Policies
{
    /// <summary>
    /// Reads and writes policy JSON in every form AWS accepts. Errors name the place in the document
    /// (<c>Statement[2].Condition.StringEquals</c>) as the exception's Target.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    /// </summary>
    public static class PolicyJson
    {
        private const string FixJson = "Correct the JSON at the position shown; a policy is one JSON object such as {\"Version\":\"2012-10-17\",\"Statement\":[...]}.";

        /// <summary>Parses a policy. Throws <see cref="XAccountException"/> (InvalidPolicyJson or InvalidPolicyDocument).</summary>
        public static PolicyDocument Parse(string json)
        {
            if (json == null)
            {
                throw new XAccountException(ErrorCode.InvalidPolicyJson, "The policy text is null.", null, FixJson);
            }

            JsonValue root;
            try
            {
                root = JsonReader.Parse(json);
            }
            catch (JsonSyntaxException ex)
            {
                throw new XAccountException(ErrorCode.InvalidPolicyJson, "The policy is not valid JSON. " + ex.Message, $"line {ex.Line}, column {ex.Column}", FixJson, ex);
            }

            return PolicyReader.Read(root);
        }

        /// <summary>Parses a policy, or returns false with the error.</summary>
        public static bool TryParse(string json, out PolicyDocument? policy, out XAccountException? error)
        {
            try
            {
                policy = Parse(json);
                error = null;
                return true;
            }
            catch (XAccountException ex)
            {
                policy = null;
                error = ex;
                return false;
            }
        }

        /// <summary>
        /// Writes the policy in canonical element order (Version, Id, Statement; in a statement Sid,
        /// Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition), keeping
        /// the value order and the string-vs-array forms of the model. Compact has no whitespace.
        /// </summary>
        public static string Write(PolicyDocument policy, bool indented = false)
        {
            if (policy == null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            var w = new JsonWriter(indented, 128 + (policy.StatementCount * 192));
            WriteDocument(w, policy);
            return w.ToString();
        }

        /// <summary>One statement as a JSON object.</summary>
        public static string WriteStatement(PolicyStatement statement, bool indented = false)
        {
            var w = new JsonWriter(indented);
            WriteStatement(w, statement);
            return w.ToString();
        }

        /// <summary>A Condition block as a JSON object, e.g. {"StringEquals":{"sts:ExternalId":"x"}}.</summary>
        public static string WriteCondition(PolicyCondition condition)
        {
            var w = new JsonWriter(false);
            WriteCondition(w, condition);
            return w.ToString();
        }

        private static void WriteCondition(JsonWriter w, PolicyCondition condition)
        {
            w.StartObject();
            foreach (var clause in condition.Clauses)
            {
                w.WriteName(clause.Operator);
                w.StartObject();
                foreach (var entry in clause.Entries)
                {
                    w.WriteName(entry.Key);
                    if (entry.IsSingleValue)
                    {
                        WriteConditionValue(w, entry.Values[0]);
                    }
                    else
                    {
                        w.StartArray();
                        foreach (var v in entry.Values)
                        {
                            WriteConditionValue(w, v);
                        }

                        w.EndArray();
                    }
                }

                w.EndObject();
            }

            w.EndObject();
        }

        private static void WriteDocument(JsonWriter w, PolicyDocument policy)
        {
            w.StartObject();
            if (policy.Version != null)
            {
                w.WriteName("Version");
                w.WriteString(policy.Version);
            }

            if (policy.Id != null)
            {
                w.WriteName("Id");
                w.WriteString(policy.Id);
            }

            w.WriteName("Statement");
            if (policy.WritesSingleObject)
            {
                WriteStatement(w, policy.Statements[0]);
            }
            else
            {
                w.StartArray();
                foreach (var s in policy.Statements)
                {
                    WriteStatement(w, s);
                }

                w.EndArray();
            }

            w.EndObject();
        }

        private static void WriteStatement(JsonWriter w, PolicyStatement s)
        {
            w.StartObject();
            if (s.Sid != null)
            {
                w.WriteName("Sid");
                w.WriteString(s.Sid);
            }

            w.WriteName("Effect");
            w.WriteString(s.Effect == PolicyEffect.Allow ? "Allow" : "Deny");
            WritePrincipal(w, "Principal", s.Principal);
            WritePrincipal(w, "NotPrincipal", s.NotPrincipal);
            WriteList(w, "Action", s.Action);
            WriteList(w, "NotAction", s.NotAction);
            WriteList(w, "Resource", s.Resource);
            WriteList(w, "NotResource", s.NotResource);
            if (s.Condition != null)
            {
                w.WriteName("Condition");
                WriteCondition(w, s.Condition);
            }

            w.EndObject();
        }

        private static void WriteConditionValue(JsonWriter w, ConditionValue v)
        {
            if (v.Kind == ConditionValueKind.String)
            {
                w.WriteString(v.Text);
            }
            else
            {
                w.WriteRaw(v.Text);
            }
        }

        private static void WritePrincipal(JsonWriter w, string name, PrincipalBlock? p)
        {
            if (p == null)
            {
                return;
            }

            w.WriteName(name);
            if (p.IsWildcard)
            {
                w.WriteString("*");
                return;
            }

            w.StartObject();
            foreach (var e in p.Entries)
            {
                WriteList(w, e.Key, e.Value);
            }

            w.EndObject();
        }

        private static void WriteList(JsonWriter w, string name, PolicyValueList? list)
        {
            if (list == null)
            {
                return;
            }

            w.WriteName(name);
            if (list.IsSingleString)
            {
                w.WriteString(list[0]);
                return;
            }

            w.StartArray();
            foreach (var v in list)
            {
                w.WriteString(v);
            }

            w.EndArray();
        }
    }
}

using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation
{
    /// <summary>
    /// Does one statement apply to a request? Action (case-insensitive wildcards), Resource
    /// (case-sensitive wildcards and policy variables), Principal/NotPrincipal (resource-based policies
    /// only), and every condition (AND across operators and keys, OR across values).
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
    /// </summary>
    internal static class StatementMatcher
    {
        /// <param name="callerHasBoundary">The caller is an IAM user or role (or a session of one) with a permissions boundary.</param>
        public static bool Applies(EvaluationStatement statement, AccessRequest request, RequestContext context, bool checkPrincipal, out PrincipalMatch principalMatch, StatementTrace? trace, bool actionAlreadyMatched = false, bool callerHasBoundary = false)
        {
            principalMatch = PrincipalMatch.Match;
            bool action = actionAlreadyMatched || MatchesAction(statement, request.Action);
            if (trace != null)
            {
                trace.ActionMatched = action;
            }

            if (!action)
            {
                return trace != null && Fail(trace, $"action {request.Action} is not in its {(statement.NotActions != null ? "scope (NotAction lists it)" : "Action")}");
            }

            bool resource = MatchesResource(statement, request.Resource.Arn, context);
            if (trace != null)
            {
                trace.ResourceMatched = resource;
            }

            if (!resource)
            {
                return trace != null && Fail(trace, $"resource {request.Resource.Arn} is not in its {(statement.NotResources != null ? "scope (NotResource lists it)" : "Resource")}");
            }

            if (checkPrincipal)
            {
                principalMatch = MatchPrincipal(statement, request, callerHasBoundary);
                if (trace != null)
                {
                    trace.Principal = principalMatch;
                }

                if (principalMatch == PrincipalMatch.NoMatch)
                {
                    return trace != null && Fail(trace, $"principal {request.Principal.Arn} is not {(statement.NotPrincipals != null ? "outside its NotPrincipal" : "named in its Principal")}");
                }
            }

            if (statement.Conditions.Count > 0)
            {
                bool met = true;
                for (int i = 0; i < statement.Conditions.Count; i++)
                {
                    var test = statement.Conditions[i];
                    bool ok = test.Operator.Evaluate(test.Key, test.Values, context, trace?.Conditions);
                    if (trace != null)
                    {
                        trace.Conditions.Add($"{test} -> {(ok ? "true" : "false")}");
                        bool present = context.TryGetValues(test.Key, out var requestValues);
                        trace.Add(new ConditionResult(trace, test.Operator.Text, test.Key, test.WrittenValues, requestValues, present, ok));
                    }

                    if (!ok)
                    {
                        met = false;
                        if (trace == null)
                        {
                            break;
                        }
                    }
                }

                if (trace != null)
                {
                    trace.ConditionsMet = met;
                }

                if (!met)
                {
                    return trace != null && Fail(trace, "a condition is not met");
                }
            }

            if (trace != null)
            {
                trace.Applies = true;
                trace.Reason = "applies";
            }

            return true;
        }

        private static bool Fail(StatementTrace? trace, string reason)
        {
            if (trace != null)
            {
                trace.Reason = reason;
            }

            return false;
        }

        internal static bool MatchesAction(EvaluationStatement statement, string action)
        {
            if (statement.Actions != null)
            {
                return AnyAction(statement.Actions, action);
            }

            return statement.NotActions != null && !AnyAction(statement.NotActions, action);
        }

        private static bool AnyAction(EvaluationStatement.Pattern[] patterns, string action)
        {
            for (int i = 0; i < patterns.Length; i++)
            {
                var p = patterns[i];
                if (p.HasWildcard ? WildcardMatcher.IsMatch(p.Text, action, ignoreCase: true) : string.Equals(p.Text, action, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool MatchesResource(EvaluationStatement statement, string arn, RequestContext context)
        {
            if (statement.Resources != null)
            {
                return AnyResource(statement.Resources, arn, context);
            }

            // A statement without Resource/NotResource (a role trust policy) covers the resource it is attached to.
            return statement.NotResources == null || !AnyResource(statement.NotResources, arn, context);
        }

        private static bool AnyResource(EvaluationStatement.Pattern[] patterns, string arn, RequestContext context)
        {
            for (int i = 0; i < patterns.Length; i++)
            {
                var p = patterns[i];
                if (p.HasVariable)
                {
                    // An unresolvable variable makes this resource match nothing.
                    if (PolicyVariables.TryResolvePattern(p.Text, context, out var pattern, out var literal) && WildcardMatcher.IsMatch(pattern, literal, arn, ignoreCase: false))
                    {
                        return true;
                    }
                }
                else if (!p.HasWildcard)
                {
                    if (string.Equals(p.Text, arn, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
                else if (arn.Length >= p.LiteralPrefixLength
                    && string.CompareOrdinal(arn, 0, p.Text, 0, p.LiteralPrefixLength) == 0
                    && (p.IsPrefixGlob || WildcardMatcher.IsMatch(p.Text, arn, ignoreCase: false)))
                {
                    return true;
                }
            }

            return false;
        }

        internal static PrincipalMatch MatchPrincipal(EvaluationStatement statement, AccessRequest request, bool callerHasBoundary = false)
        {
            if (statement.PrincipalIsWildcard)
            {
                return PrincipalMatch.Match;
            }

            if (statement.Principals != null)
            {
                var best = PrincipalMatch.NoMatch;
                foreach (var entry in statement.Principals)
                {
                    var m = MatchOne(entry.Key, entry.Value, request);
                    if (m == PrincipalMatch.Match)
                    {
                        return m;
                    }

                    if (m != PrincipalMatch.NoMatch)
                    {
                        best = m;
                    }
                }

                return best;
            }

            if (statement.NotPrincipals != null)
            {
                // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
                // boundary policy attached, regardless of the values specified in the NotPrincipal element."
                // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
                if (!statement.IsAllow && callerHasBoundary)
                {
                    return PrincipalMatch.Match;
                }

                // AWS may check the caller's whole chain (account, then role, then session or user), so the
                // caller escapes a NotPrincipal statement only when every link is listed: a user needs its ARN
                // and its account, a role session its session ARN, its role ARN and its account.
                // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
                return IsExcludedByNotPrincipal(statement.NotPrincipals, request) ? PrincipalMatch.NoMatch : PrincipalMatch.Match;
            }

            return PrincipalMatch.NoMatch;
        }

        private static bool IsExcludedByNotPrincipal(KeyValuePair<string, string>[] listed, AccessRequest request)
        {
            var principal = request.Principal;
            bool anyone = false, account = false, self = false, role = false;
            foreach (var entry in listed)
            {
                if (entry.Key == "AWS" && entry.Value == "*")
                {
                    anyone = true;
                    continue;
                }

                var m = MatchOne(entry.Key, entry.Value, request);
                if (m == PrincipalMatch.Match)
                {
                    if (principal.Kind == PrincipalKind.AccountRoot || AccountOf(entry.Value) != null)
                    {
                        account = true;
                    }

                    self |= AccountOf(entry.Value) == null;
                }
                else if (m == PrincipalMatch.AccountLevelMatch)
                {
                    account = true;
                }
                else if (m == PrincipalMatch.SessionRoleMatch)
                {
                    role = true;
                }
            }

            if (anyone)
            {
                return true;
            }

            switch (principal.Kind)
            {
                case PrincipalKind.AccountRoot:
                    return account;
                case PrincipalKind.AssumedRole:
                    return self && role && account;
                case PrincipalKind.User:
                case PrincipalKind.Role:
                    return self && account;
                default:
                    return self;
            }
        }

        private static PrincipalMatch MatchOne(string type, string value, AccessRequest request)
        {
            var principal = request.Principal;
            switch (type)
            {
                case "AWS":
                    if (value == "*")
                    {
                        // {"AWS":"*"} is the same as "*": everyone, including anonymous callers.
                        return PrincipalMatch.Match;
                    }

                    if (TryFindAccount(value, out int start))
                    {
                        if (principal.AccountId == null || string.CompareOrdinal(value, start, principal.AccountId, 0, 12) != 0)
                        {
                            return PrincipalMatch.NoMatch;
                        }

                        return principal.Kind == PrincipalKind.AccountRoot ? PrincipalMatch.Match : PrincipalMatch.AccountLevelMatch;
                    }

                    if (string.Equals(value, principal.Arn, StringComparison.Ordinal))
                    {
                        return PrincipalMatch.Match;
                    }

                    if (principal.Kind == PrincipalKind.AssumedRole && IsRoleOf(value, principal))
                    {
                        return PrincipalMatch.SessionRoleMatch;
                    }

                    return PrincipalMatch.NoMatch;
                case "CanonicalUser":
                    // A canonical user ID stands for an account.
                    return request.PrincipalCanonicalId != null && string.Equals(value, request.PrincipalCanonicalId, StringComparison.OrdinalIgnoreCase)
                        ? (principal.Kind == PrincipalKind.AccountRoot ? PrincipalMatch.Match : PrincipalMatch.AccountLevelMatch)
                        : PrincipalMatch.NoMatch;
                case "Service":
                    return principal.Kind == PrincipalKind.Service && string.Equals(value, principal.Arn, StringComparison.OrdinalIgnoreCase)
                        ? PrincipalMatch.Match
                        : PrincipalMatch.NoMatch;
                default:
                    return PrincipalMatch.NoMatch;
            }
        }

        /// <summary>The account a principal value names as a whole (123456789012 or arn:aws:iam::123456789012:root).</summary>
        private static string? AccountOf(string value) => TryFindAccount(value, out int start) ? value.Substring(start, 12) : null;

        /// <summary>Where the 12-digit account of an account principal value starts; no allocation (hot path).</summary>
        private static bool TryFindAccount(string value, out int start)
        {
            start = 0;
            if (value.Length == 12)
            {
                return AccountIds.IsAccountId(value);
            }

            // arn:<partition>:iam::<12 digits>:root
            const string suffix = ":root";
            if (value.Length < 30 || !value.EndsWith(suffix, StringComparison.Ordinal) || !value.StartsWith("arn:", StringComparison.Ordinal))
            {
                return false;
            }

            start = value.Length - suffix.Length - 12;
            if (value[start - 1] != ':' || value[start - 2] != ':' || string.CompareOrdinal(value, start - 6, ":iam::", 0, 6) != 0)
            {
                return false;
            }

            for (int i = start; i < start + 12; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>arn:aws:iam::acct:role/path/Name names the role of the session arn:aws:sts::acct:assumed-role/Name/x.</summary>
        private static bool IsRoleOf(string value, RequestPrincipal session)
        {
            // arn:<partition>:iam::<account>:role/[path/]<name>
            var roleArn = session.RoleArnWithoutPathCached;
            int prefixLength = roleArn.Length - session.Name!.Length;
            if (!value.StartsWith("arn:", StringComparison.Ordinal) || value.Length < roleArn.Length || string.CompareOrdinal(value, 0, roleArn, 0, prefixLength) != 0)
            {
                return false;
            }

            int nameStart = value.LastIndexOf('/') + 1;
            return value.Length - nameStart == session.Name.Length && string.CompareOrdinal(value, nameStart, session.Name, 0, session.Name.Length) == 0;
        }
    }
}

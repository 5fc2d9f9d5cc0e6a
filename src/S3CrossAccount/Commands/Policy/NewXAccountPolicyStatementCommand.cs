using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>One policy statement with any elements, for policies the presets do not cover; pipe it into New-XAccountBucketPolicy.</summary>
    [Cmdlet(VerbsCommon.New, "XAccountPolicyStatement", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountPolicyStatement.md")]
    [OutputType(typeof(PolicyStatement))]
    public sealed class NewXAccountPolicyStatementCommand : Base.XAccountCmdlet
    {
        [Parameter]
        public string? Sid { get; set; }

        [Parameter(Position = 0)]
        public PolicyEffect Effect { get; set; } = PolicyEffect.Allow;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Principal { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? NotPrincipal { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ActionCompleter))]
        public string[]? Action { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ActionCompleter))]
        public string[]? NotAction { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Resource { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? NotResource { get; set; }

        /// <summary>@{ StringEquals = @{ 'sts:ExternalId' = 'abc' }; Bool = @{ 'aws:SecureTransport' = $true } }</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Condition { get; set; }

        [Parameter]
        public SwitchParameter AllowPublic { get; set; }

        protected override void ProcessRecord()
        {
            ProcessTarget(() =>
            {
                if ((Action == null) == (NotAction == null))
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination, "A statement needs exactly one of -Action and -NotAction.", "Action",
                        "Pass -Action s3:GetObject (or -NotAction for the inverse form).");
                }

                Exclusive(Principal, NotPrincipal, "Principal");
                Exclusive(Resource, NotResource, "Resource");
                return new PolicyStatement
                {
                    Sid = Sid,
                    Effect = Effect,
                    Principal = Principal == null ? null : PolicyBuilder.Principals(Principal, AllowPublic.IsPresent),
                    NotPrincipal = NotPrincipal == null ? null : PolicyBuilder.NotPrincipals(NotPrincipal, Effect, AllowPublic.IsPresent),
                    Action = Actions(Action),
                    NotAction = Actions(NotAction),
                    Resource = Resource == null ? null : PolicyValueList.Of(Resource),
                    NotResource = NotResource == null ? null : PolicyValueList.Of(NotResource),
                    Condition = Condition == null ? null : ToCondition(Condition),
                };
            }, WriteObject);
        }

        private static void Exclusive(object? a, object? b, string name)
        {
            if (a != null && b != null)
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination, $"A statement cannot have both -{name} and -Not{name}.", name,
                    $"Use either -{name} or -Not{name}.");
            }
        }

        private static PolicyValueList? Actions(string[]? actions) =>
            actions == null ? null : PolicyValueList.Of(actions.Select(a => S3Actions.Validate(a, s3Only: false)));

        private static PolicyCondition ToCondition(IDictionary condition)
        {
            var clauses = new List<ConditionClause>();
            foreach (DictionaryEntry op in condition)
            {
                var opName = Convert.ToString(op.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (!(Unwrap(op.Value) is IDictionary keys))
                {
                    throw Bad("Condition." + opName, "an operator takes a hashtable of condition keys, for example @{ 'aws:SourceIp' = '203.0.113.0/24' }");
                }

                var entries = new List<ConditionEntry>();
                foreach (DictionaryEntry key in keys)
                {
                    var keyName = Convert.ToString(key.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    var path = "Condition." + opName + "." + keyName;
                    var value = Unwrap(key.Value);
                    if (value is IEnumerable list && !(value is string))
                    {
                        var values = list.Cast<object?>().Select(v => ToValue(Unwrap(v), path)).ToList();
                        if (values.Count == 0)
                        {
                            throw Bad(path, "give at least one value");
                        }

                        entries.Add(new ConditionEntry(keyName, values, false));
                    }
                    else
                    {
                        entries.Add(new ConditionEntry(keyName, new[] { ToValue(value, path) }, true));
                    }
                }

                clauses.Add(new ConditionClause(opName, entries));
            }

            return new PolicyCondition(clauses);
        }

        private static ConditionValue ToValue(object? value, string path) => value switch
        {
            string s => ConditionValue.String(s),
            bool b => ConditionValue.Boolean(b),
            int or long or short or byte or uint or ulong or ushort or sbyte => new ConditionValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, ConditionValueKind.Number),
            double or float or decimal => new ConditionValue(((IFormattable)value).ToString(value is decimal ? null : "R", CultureInfo.InvariantCulture), ConditionValueKind.Number),
            DateTime d => ConditionValue.String(d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            _ => throw Bad(path, $"a condition value must be a string, number or boolean, not {(value == null ? "null" : value.GetType().Name)}"),
        };

        private static object? Unwrap(object? o) => o is PSObject p ? p.BaseObject : o;

        private static XAccountException Bad(string path, string problem) =>
            new XAccountException(ErrorCode.InvalidPolicyDocument, $"Invalid policy at {path}: {problem}.", path,
                "Write -Condition as @{ Operator = @{ 'condition-key' = 'value' or @('v1','v2') } }.");
    }
}

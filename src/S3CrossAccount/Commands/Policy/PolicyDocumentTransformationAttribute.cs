using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>
    /// Lets policy parameters take JSON text as well as policy objects, so
    /// <c>-Policy (Get-Content policy.json -Raw)</c> works without ConvertFrom-XAccountPolicyJson, and
    /// objects that carry a policy (Get-XAccountBucketPolicy's output) as well as the policy itself.
    /// Text that does not parse is not refused here: PowerShell would wrap any exception from a transformation
    /// in its own ParameterArgumentTransformationError. It becomes a stand-in document that remembers the
    /// parse error, and the cmdlet refuses it (<see cref="Base.XAccountCmdlet.RefusedPolicyText"/>) with this
    /// module's InvalidPolicyJson or InvalidPolicyDocument.
    /// </summary>
    public sealed class PolicyDocumentTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly ConditionalWeakTable<PolicyDocument, XAccountException> Unparsed = new ConditionalWeakTable<PolicyDocument, XAccountException>();

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string text)
            {
                return Parse(text);
            }

            if (PolicyOf(inputData) is PolicyDocument carried)
            {
                return carried;
            }

            if (value is IEnumerable items && !(value is PolicyDocument))
            {
                var list = new List<object?>();
                foreach (var item in items)
                {
                    var inner = item is PSObject p ? p.BaseObject : item;
                    list.Add(inner is string s ? Parse(s) : PolicyOf(item) ?? inner);
                }

                return list.ToArray();
            }

            return inputData;
        }

        /// <summary>
        /// The policy an output object carries in its Policy property (Get-XAccountBucketPolicy's
        /// XAccountBucketPolicy), so it pipes by value into a parameter set
        /// where binding by property name would compete with another set's pipeline parameter.
        /// </summary>
        private static PolicyDocument? PolicyOf(object? inputData) =>
            inputData == null || (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is PolicyDocument
                ? null
                : PSObject.AsPSObject(inputData).Properties["Policy"]?.Value as PolicyDocument;

        /// <summary>The parse error of a stand-in in <paramref name="argument"/> (a document or a list of them); null otherwise.</summary>
        internal static XAccountException? RefusalOf(object? argument)
        {
            switch (argument is PSObject wrapped ? wrapped.BaseObject : argument)
            {
                case PolicyDocument document:
                    return Unparsed.TryGetValue(document, out var error) ? error : null;
                case IEnumerable items when !(items is string):
                    foreach (var item in items)
                    {
                        if (item is PolicyDocument d && Unparsed.TryGetValue(d, out var itemError))
                        {
                            return itemError;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static PolicyDocument Parse(string text)
        {
            try
            {
                return PolicyJson.Parse(text);
            }
            catch (XAccountException ex)
            {
                // A new instance each time: the table is keyed by reference, and records compare by value.
                var standIn = new PolicyDocument();
                Unparsed.Add(standIn, ex);
                return standIn;
            }
        }
    }
}

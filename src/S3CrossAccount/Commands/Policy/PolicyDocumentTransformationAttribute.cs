using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>
    /// Lets policy parameters take JSON text as well as policy objects, so
    /// <c>-Policy (Get-Content policy.json -Raw)</c> works without ConvertFrom-XAccountPolicyJson, and
    /// objects that carry a policy (Get-XAccountBucketPolicy's output) as well as the policy itself.
    /// </summary>
    public sealed class PolicyDocumentTransformationAttribute : ArgumentTransformationAttribute
    {
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

        private static PolicyDocument Parse(string text)
        {
            try
            {
                return PolicyJson.Parse(text);
            }
            catch (XAccountException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}

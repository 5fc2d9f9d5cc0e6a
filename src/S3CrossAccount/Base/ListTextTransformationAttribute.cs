using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace S3CrossAccount.Commands.Base
{
    /// <summary>
    /// Lets an array parameter take a list written as one text, as a CSV cell holds it ("READ,WRITE",
    /// "s3:GetObject; s3:PutObject"): each text is split on commas, semicolons and white space. Non-text
    /// values pass through for the binder's own conversion (strings to enums and so on).
    /// </summary>
    public sealed class ListTextTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly char[] Separators = { ',', ';', ' ', '\t', '\r', '\n' };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string text)
            {
                return Split(text).ToArray();
            }

            if (value is IEnumerable items)
            {
                var list = new List<object?>();
                foreach (var item in items)
                {
                    var inner = item is PSObject p ? p.BaseObject : item;
                    if (inner is string s)
                    {
                        list.AddRange(Split(s));
                    }
                    else
                    {
                        list.Add(item);
                    }
                }

                return list.ToArray();
            }

            return inputData;
        }

        private static List<object?> Split(string text)
        {
            var parts = new List<object?>();
            foreach (var part in text.Split(Separators, System.StringSplitOptions.RemoveEmptyEntries))
            {
                parts.Add(part);
            }

            // An empty cell stays empty, so the parameter's own validation names it.
            if (parts.Count == 0)
            {
                parts.Add(text);
            }

            return parts;
        }
    }
}

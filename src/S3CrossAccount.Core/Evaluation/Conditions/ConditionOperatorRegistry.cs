using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// Every <see cref="IConditionOperator"/> in this assembly, found by reflection and keyed by its exact
    /// name (operator names are written as AWS documents them).
    /// </summary>
    public static class ConditionOperatorRegistry
    {
        private static readonly Dictionary<string, IConditionOperator> Operators = Discover();

        public static IReadOnlyCollection<IConditionOperator> All => Operators.Values;

        public static bool TryGet(string name, out IConditionOperator op) => Operators.TryGetValue(name, out op!);

        private static Dictionary<string, IConditionOperator> Discover()
        {
            var found = new Dictionary<string, IConditionOperator>(StringComparer.Ordinal);
            var types = typeof(IConditionOperator).GetTypeInfo().Assembly.GetTypes()
                .Where(t => !t.IsAbstract && !t.IsInterface && typeof(IConditionOperator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null);
            foreach (var type in types)
            {
                var op = (IConditionOperator)Activator.CreateInstance(type)!;
                found.Add(op.Name, op);
            }

            return found;
        }
    }
}

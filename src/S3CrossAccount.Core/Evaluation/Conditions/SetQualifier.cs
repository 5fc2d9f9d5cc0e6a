namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>The set operator prefix of a condition operator, for multivalued context keys.</summary>
    public enum SetQualifier
    {
        None,

        /// <summary><c>ForAllValues:</c> every context value must match; true when the key is missing or empty.</summary>
        ForAllValues,

        /// <summary><c>ForAnyValue:</c> at least one context value must match; false when the key is missing.</summary>
        ForAnyValue,
    }
}

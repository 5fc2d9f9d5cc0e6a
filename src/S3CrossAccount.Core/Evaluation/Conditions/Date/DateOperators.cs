using System;
using System.Globalization;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    // Date operators accept the W3C profile of ISO 8601 ("2026-01-01", "2026-01-01T12:00:00Z",
    // with offsets and fractions) or epoch (UNIX) seconds; no wildcards, no policy variables.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date

    public abstract class DateOperator : ConditionOperator
    {
        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            TryParse(contextValue, out var left) && TryParse(policyValue, out var right) && Compare(left.CompareTo(right));

        protected abstract bool Compare(int order);

        public override string? ValueForm => "a date (ISO 8601 such as 2026-01-31T00:00:00Z, or epoch seconds)";

        public override bool IsWellFormedValue(string policyValue) => TryParse(policyValue, out _);

        /// <summary>ISO 8601 (a time without zone is UTC) or whole/fractional epoch seconds.</summary>
        public static bool TryParse(string text, out DateTimeOffset value)
        {
            text = text.Trim();
            if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-') && IsNumber(text)
                && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                try
                {
                    value = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));
                    return true;
                }
                catch (ArgumentOutOfRangeException)
                {
                    value = default;
                    return false;
                }
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        }

        private static bool IsNumber(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!(char.IsDigit(c) || c == '.' || (i == 0 && c == '-')))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public sealed class DateEquals : DateOperator
    {
        public override string Name => "DateEquals";

        protected override bool Compare(int order) => order == 0;
    }

    public sealed class DateNotEquals : DateOperator
    {
        public override string Name => "DateNotEquals";

        public override bool IsNegative => true;

        protected override bool Compare(int order) => order == 0;
    }

    public sealed class DateLessThan : DateOperator
    {
        public override string Name => "DateLessThan";

        protected override bool Compare(int order) => order < 0;
    }

    public sealed class DateLessThanEquals : DateOperator
    {
        public override string Name => "DateLessThanEquals";

        protected override bool Compare(int order) => order <= 0;
    }

    public sealed class DateGreaterThan : DateOperator
    {
        public override string Name => "DateGreaterThan";

        protected override bool Compare(int order) => order > 0;
    }

    public sealed class DateGreaterThanEquals : DateOperator
    {
        public override string Name => "DateGreaterThanEquals";

        protected override bool Compare(int order) => order >= 0;
    }
}

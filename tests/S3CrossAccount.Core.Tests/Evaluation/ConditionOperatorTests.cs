using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Conditions;
using S3CrossAccount.Core.Evaluation.Requests;
using Xunit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    public class ConditionOperatorTests
    {
        private const string Key = "test:Key";

        /// <summary>Evaluates "operator": { "test:Key": policyValues } against a context holding contextValue (null = absent).</summary>
        private static bool Eval(string op, string? contextValue, params string[] policyValues)
        {
            var context = new RequestContext();
            if (contextValue != null)
            {
                context.Set(Key, contextValue);
            }

            return QualifiedConditionOperator.Parse(op).Evaluate(Key, policyValues, context);
        }

        private static bool EvalMulti(string op, string[]? contextValues, params string[] policyValues)
        {
            var context = new RequestContext();
            if (contextValues != null)
            {
                context.Set(Key, contextValues);
            }

            return QualifiedConditionOperator.Parse(op).Evaluate(Key, policyValues, context);
        }

        [Theory]
        [InlineData("StringEquals", "abc", "abc", true)]
        [InlineData("StringEquals", "abc", "ABC", false)]
        [InlineData("StringEquals", "abc", "a*", false)]
        [InlineData("StringNotEquals", "abc", "abc", false)]
        [InlineData("StringNotEquals", "abc", "xyz", true)]
        [InlineData("StringEqualsIgnoreCase", "abc", "ABC", true)]
        [InlineData("StringEqualsIgnoreCase", "abc", "abd", false)]
        [InlineData("StringNotEqualsIgnoreCase", "abc", "ABC", false)]
        [InlineData("StringNotEqualsIgnoreCase", "abc", "x", true)]
        [InlineData("StringLike", "home/alice/x", "home/*", true)]
        [InlineData("StringLike", "home/alice/x", "Home/*", false)]
        [InlineData("StringLike", "ab", "a?", true)]
        [InlineData("StringLike", "abc", "a?", false)]
        [InlineData("StringNotLike", "home/alice", "home/*", false)]
        [InlineData("StringNotLike", "tmp/alice", "home/*", true)]
        public void StringOperators(string op, string context, string policy, bool expected) => Assert.Equal(expected, Eval(op, context, policy));

        [Theory]
        [InlineData("NumericEquals", "10", "10", true)]
        [InlineData("NumericEquals", "10", "10.0", true)]
        [InlineData("NumericEquals", "10", "11", false)]
        [InlineData("NumericNotEquals", "10", "11", true)]
        [InlineData("NumericNotEquals", "10", "10", false)]
        [InlineData("NumericLessThan", "9", "10", true)]
        [InlineData("NumericLessThan", "10", "10", false)]
        [InlineData("NumericLessThanEquals", "10", "10", true)]
        [InlineData("NumericLessThanEquals", "11", "10", false)]
        [InlineData("NumericGreaterThan", "11", "10", true)]
        [InlineData("NumericGreaterThan", "10", "10", false)]
        [InlineData("NumericGreaterThanEquals", "10", "10", true)]
        [InlineData("NumericGreaterThanEquals", "-1", "0", false)]
        [InlineData("NumericEquals", "ten", "10", false)]
        public void NumericOperators(string op, string context, string policy, bool expected) => Assert.Equal(expected, Eval(op, context, policy));

        [Theory]
        [InlineData("DateEquals", "2026-01-01T00:00:00Z", "2026-01-01", true)]
        [InlineData("DateEquals", "2026-01-01T00:00:00Z", "1767225600", true)]
        [InlineData("DateEquals", "2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00Z", true)]
        [InlineData("DateNotEquals", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", true)]
        [InlineData("DateNotEquals", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false)]
        [InlineData("DateLessThan", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", true)]
        [InlineData("DateLessThan", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false)]
        [InlineData("DateLessThanEquals", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true)]
        [InlineData("DateGreaterThan", "2026-06-01T00:00:00Z", "2026-01-01T00:00:00Z", true)]
        [InlineData("DateGreaterThan", "1767225600", "2026-01-01T00:00:00Z", false)]
        [InlineData("DateGreaterThanEquals", "1767225600", "2026-01-01T00:00:00Z", true)]
        [InlineData("DateGreaterThanEquals", "not a date", "2026-01-01T00:00:00Z", false)]
        public void DateOperators(string op, string context, string policy, bool expected) => Assert.Equal(expected, Eval(op, context, policy));

        [Theory]
        [InlineData("Bool", "true", "true", true)]
        [InlineData("Bool", "TRUE", "true", true)]
        [InlineData("Bool", "false", "true", false)]
        [InlineData("Bool", "yes", "true", false)]
        [InlineData("BinaryEquals", "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU=", true)]
        [InlineData("BinaryEquals", "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWF=", false)]
        public void BoolAndBinary(string op, string context, string policy, bool expected) => Assert.Equal(expected, Eval(op, context, policy));

        [Theory]
        [InlineData("IpAddress", "203.0.113.7", "203.0.113.0/24", true)]
        [InlineData("IpAddress", "203.0.114.7", "203.0.113.0/24", false)]
        [InlineData("IpAddress", "203.0.113.7", "203.0.113.7", true)]
        [InlineData("IpAddress", "10.1.2.3", "10.0.0.0/9", true)]
        [InlineData("IpAddress", "10.128.2.3", "10.0.0.0/9", false)]
        [InlineData("IpAddress", "2001:db8:1234::1", "2001:DB8:1234::/48", true)]
        [InlineData("IpAddress", "2001:db8:1235::1", "2001:DB8:1234::/48", false)]
        [InlineData("IpAddress", "203.0.113.7", "2001:DB8:1234::/48", false)]
        [InlineData("IpAddress", "1.2.3.4", "0.0.0.0/0", true)]
        [InlineData("NotIpAddress", "203.0.113.7", "203.0.113.0/24", false)]
        [InlineData("NotIpAddress", "198.51.100.1", "203.0.113.0/24", true)]
        [InlineData("IpAddress", "not-an-ip", "203.0.113.0/24", false)]
        public void IpOperators(string op, string context, string policy, bool expected) => Assert.Equal(expected, Eval(op, context, policy));

        [Theory]
        [InlineData("ArnEquals", "arn:aws:iam::111122223333:role/Dave", "arn:aws:iam::111122223333:role/Dave", true)]
        [InlineData("ArnEquals", "arn:aws:iam::111122223333:role/Dave", "arn:aws:iam::*:role/Dave", true)]
        [InlineData("ArnEquals", "arn:aws:iam::111122223333:role/Dave", "arn:aws:iam::111122223333:role/dave", false)]
        [InlineData("ArnLike", "arn:aws:sns:us-east-1:111122223333:topic", "arn:aws:sns:*:111122223333:*", true)]
        [InlineData("ArnLike", "arn:aws:s3:::bucket/a:b", "arn:aws:s3:::bucket/*", true)]
        [InlineData("ArnLike", "arn:aws:iam::111122223333:role/Dave", "arn:aws:iam::4444*:role/*", false)]
        [InlineData("ArnLike", "not-an-arn", "*", false)]
        [InlineData("ArnNotEquals", "arn:aws:iam::111122223333:role/Dave", "arn:aws:iam::111122223333:role/Eve", true)]
        [InlineData("ArnNotLike", "arn:aws:iam::111122223333:role/Dave", "arn:aws:iam::111122223333:role/*", false)]
        public void ArnOperators(string op, string context, string policy, bool expected) => Assert.Equal(expected, Eval(op, context, policy));

        [Theory]
        // A missing key: false, except true for negated operators; Null and IfExists test presence.
        [InlineData("StringEquals", false)]
        [InlineData("StringNotEquals", true)]
        [InlineData("StringEqualsIgnoreCase", false)]
        [InlineData("StringNotEqualsIgnoreCase", true)]
        [InlineData("StringLike", false)]
        [InlineData("StringNotLike", true)]
        [InlineData("NumericEquals", false)]
        [InlineData("NumericNotEquals", true)]
        [InlineData("NumericLessThan", false)]
        [InlineData("DateEquals", false)]
        [InlineData("DateNotEquals", true)]
        [InlineData("Bool", false)]
        [InlineData("BinaryEquals", false)]
        [InlineData("IpAddress", false)]
        [InlineData("NotIpAddress", true)]
        [InlineData("ArnEquals", false)]
        [InlineData("ArnNotEquals", true)]
        [InlineData("ArnLike", false)]
        [InlineData("ArnNotLike", true)]
        [InlineData("StringEqualsIfExists", true)]
        [InlineData("StringNotEqualsIfExists", true)]
        [InlineData("ForAllValues:StringEquals", true)]
        [InlineData("ForAllValues:StringNotEquals", true)]
        [InlineData("ForAnyValue:StringEquals", false)]
        [InlineData("ForAnyValue:StringNotEquals", false)]
        public void MissingKey(string op, bool expected) => Assert.Equal(expected, Eval(op, null, "1"));

        [Theory]
        [InlineData("true", null, true)]
        [InlineData("true", "x", false)]
        // A key present with an empty value exists: Null tests presence ("false (the key exists and its value is not null)").
        [InlineData("true", "", false)]
        [InlineData("false", "", true)]
        [InlineData("false", "x", true)]
        [InlineData("false", null, false)]
        public void NullCheck(string policy, string? context, bool expected) => Assert.Equal(expected, Eval("Null", context, policy));

        [Fact]
        public void IfExists_PresentKey_TheOperatorDecides()
        {
            Assert.True(Eval("StringEqualsIfExists", "a", "a"));
            Assert.False(Eval("StringEqualsIfExists", "b", "a"));
            Assert.False(Eval("NumericLessThanIfExists", "5", "3"));
        }

        [Fact]
        public void MultipleValues_AreOr_NegatedAreNor()
        {
            Assert.True(Eval("StringEquals", "b", "a", "b"));
            Assert.False(Eval("StringEquals", "c", "a", "b"));
            Assert.False(Eval("StringNotEquals", "b", "a", "b"));
            Assert.True(Eval("StringNotEquals", "c", "a", "b"));
        }

        [Theory]
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
        [InlineData("ForAllValues:StringEquals", new[] { "a", "b" }, true)]
        [InlineData("ForAllValues:StringEquals", new[] { "a", "z" }, false)]
        [InlineData("ForAnyValue:StringEquals", new[] { "z", "b" }, true)]
        [InlineData("ForAnyValue:StringEquals", new[] { "y", "z" }, false)]
        [InlineData("ForAllValues:StringNotEquals", new[] { "y", "z" }, true)]
        [InlineData("ForAllValues:StringNotEquals", new[] { "a", "z" }, false)]
        [InlineData("ForAnyValue:StringNotEquals", new[] { "a", "z" }, true)]
        [InlineData("ForAnyValue:StringNotEquals", new[] { "a", "b" }, false)]
        [InlineData("ForAllValues:StringEquals", new string[0], true)]
        [InlineData("ForAnyValue:StringEquals", new string[0], false)]
        public void SetOperators(string op, string[] context, bool expected) => Assert.Equal(expected, EvalMulti(op, context, "a", "b"));

        [Fact]
        public void ForAllValuesStringNotLike_AwsDocTable()
        {
            // The table in https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
            Assert.False(EvalMulti("ForAllValues:StringNotLike", new[] { "key1:legal" }, "key1*"));
            Assert.False(EvalMulti("ForAllValues:StringNotLike", new[] { "key1:hr", "key1:personnel" }, "key1*"));
            Assert.True(EvalMulti("ForAllValues:StringNotLike", new[] { "key2:audit" }, "key1*"));
            Assert.True(EvalMulti("ForAllValues:StringNotLike", null, "key1*"));
        }

        [Fact]
        public void ContextKeyNames_AreCaseInsensitive()
        {
            var context = new RequestContext().Set("AWS:SourceIP", "203.0.113.9");
            Assert.True(QualifiedConditionOperator.Parse("IpAddress").Evaluate("aws:sourceip", new[] { "203.0.113.0/24" }, context));
        }

        [Fact]
        public void StringCondition_ResolvesPolicyVariables()
        {
            var context = new RequestContext().Set("aws:username", "alice").Set(Key, "home/alice/");
            Assert.True(QualifiedConditionOperator.Parse("StringLike").Evaluate(Key, new[] { "home/${aws:username}/*" }, context));
            Assert.False(QualifiedConditionOperator.Parse("StringLike").Evaluate(Key, new[] { "home/${aws:userid}/*" }, context));
            Assert.True(QualifiedConditionOperator.Parse("StringNotLike").Evaluate(Key, new[] { "home/${aws:userid}/*" }, context));
        }

        [Theory]
        [InlineData("Stringequals")]
        [InlineData("ForSomeValues:StringEquals")]
        [InlineData("NullIfExists")]
        [InlineData("")]
        public void UnknownOperator_IsASpecificError(string op)
        {
            var ex = Assert.Throws<XAccountException>(() => QualifiedConditionOperator.Parse(op));
            Assert.Equal(ErrorCode.UnknownConditionOperator, ex.Code);
            Assert.Equal(op, ex.Target);
        }

        [Fact]
        public void Registry_HoldsEveryDocumentedOperator()
        {
            var documented = new[]
            {
                "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
                "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
                "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
                "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
            };
            Assert.Equal(documented.OrderBy(n => n, StringComparer.Ordinal), ConditionOperatorRegistry.All.Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Registry_HoldsEveryOperatorClassInTheAssembly()
        {
            var classes = typeof(IConditionOperator).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(IConditionOperator).IsAssignableFrom(t)).ToList();
            Assert.Equal(classes.Count, ConditionOperatorRegistry.All.Count);
            foreach (var type in classes)
            {
                Assert.Contains(ConditionOperatorRegistry.All, o => o.GetType() == type);
            }
        }

        [Fact]
        public void NegativeFlags_MatchTheNames()
        {
            foreach (var op in ConditionOperatorRegistry.All)
            {
                Assert.Equal(op.Name.Contains("Not"), op.IsNegative);
            }
        }

        [Fact]
        public void Explanation_IsWrittenOnlyWhenAsked()
        {
            var lines = new List<string>();
            var context = new RequestContext().Set(Key, "abc");
            Assert.False(QualifiedConditionOperator.Parse("StringEquals").Evaluate(Key, new[] { "xyz" }, context, lines));
            Assert.Equal(new[] { "StringEquals: 'abc' does not satisfy 'xyz'" }, lines);
        }
    }
}

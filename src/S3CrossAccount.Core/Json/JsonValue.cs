using System;
using System.Collections.Generic;

namespace S3CrossAccount.Core.Json
{
    public enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A node of the small JSON DOM the policy code uses. It keeps what a general-purpose serializer
    /// throws away and policies need: object members in document order (duplicates included, so the
    /// policy reader can reject them), the raw text of numbers, and where each value started.
    /// </summary>
    public abstract class JsonValue
    {
        private protected JsonValue(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public abstract JsonKind Kind { get; }

        /// <summary>1-based line where the value starts (0 for values built in code).</summary>
        public int Line { get; }

        /// <summary>1-based column where the value starts (0 for values built in code).</summary>
        public int Column { get; }

        /// <summary>A short name of the kind for error messages ("a string", "an array").</summary>
        public string KindDescription => Describe(Kind);

        public static string Describe(JsonKind kind) => kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True or JsonKind.False => "a boolean",
            _ => "null",
        };
    }

    public sealed class JsonObject : JsonValue
    {
        public JsonObject(IReadOnlyList<KeyValuePair<string, JsonValue>> members, int line = 0, int column = 0)
            : base(line, column)
        {
            Members = members ?? throw new ArgumentNullException(nameof(members));
        }

        public override JsonKind Kind => JsonKind.Object;

        /// <summary>Members in document order.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; }
    }

    public sealed class JsonArray : JsonValue
    {
        public JsonArray(IReadOnlyList<JsonValue> items, int line = 0, int column = 0)
            : base(line, column)
        {
            Items = items ?? throw new ArgumentNullException(nameof(items));
        }

        public override JsonKind Kind => JsonKind.Array;

        public IReadOnlyList<JsonValue> Items { get; }
    }

    public sealed class JsonString : JsonValue
    {
        public JsonString(string value, int line = 0, int column = 0)
            : base(line, column)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public override JsonKind Kind => JsonKind.String;

        public string Value { get; }
    }

    /// <summary>A number kept as its source text, so "1.50" is written back as "1.50".</summary>
    public sealed class JsonNumber : JsonValue
    {
        public JsonNumber(string rawText, int line = 0, int column = 0)
            : base(line, column)
        {
            RawText = rawText ?? throw new ArgumentNullException(nameof(rawText));
        }

        public override JsonKind Kind => JsonKind.Number;

        public string RawText { get; }
    }

    public sealed class JsonLiteral : JsonValue
    {
        private readonly JsonKind _kind;

        public JsonLiteral(JsonKind kind, int line = 0, int column = 0)
            : base(line, column)
        {
            if (kind != JsonKind.True && kind != JsonKind.False && kind != JsonKind.Null)
            {
                throw new ArgumentOutOfRangeException(nameof(kind));
            }

            _kind = kind;
        }

        public override JsonKind Kind => _kind;
    }
}

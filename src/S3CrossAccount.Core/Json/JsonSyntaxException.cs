using System;

namespace S3CrossAccount.Core.Json
{
    /// <summary>Malformed JSON text, with the 1-based position of the first offending character.</summary>
    public sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string problem, int line, int column)
            : base($"Invalid JSON at line {line}, column {column}: {problem}")
        {
            Problem = problem;
            Line = line;
            Column = column;
        }

        public string Problem { get; }

        public int Line { get; }

        public int Column { get; }
    }
}

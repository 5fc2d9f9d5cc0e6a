using System.Globalization;
using System.Text;

namespace S3CrossAccount.Core.Errors
{
    /// <summary>
    /// Makes a value safe to quote in a message: every character a terminal would not show as itself becomes a
    /// visible escape (\n, \t, \u202E). Control characters, lone UTF-16 surrogates, format characters (bidi
    /// overrides and isolates, zero-width characters, the BOM), line and paragraph separators and unassigned code
    /// points would otherwise hide the mistake, reorder the text around it, or break the transcript's encoding.
    /// </summary>
    public static class Printable
    {
        /// <summary>The value in single quotes, escaped: the form every error uses to quote what the user gave.</summary>
        public static string Quote(string? value) => "'" + Escape(value) + "'";

        /// <summary>
        /// Escapes unprintable characters. With <paramref name="keepLineBreaks"/>, line feeds and carriage returns
        /// stay (for whole messages, which may span lines); inside a quoted value they are escaped too.
        /// </summary>
        public static string Escape(string? value, bool keepLineBreaks = false)
        {
            if (string.IsNullOrEmpty(value) || IsPrintable(value!, keepLineBreaks))
            {
                return value ?? string.Empty;
            }

            var text = value!;
            var escaped = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    escaped.Append(c).Append(text[++i]);
                }
                else if (Shows(c, keepLineBreaks))
                {
                    escaped.Append(c);
                }
                else
                {
                    escaped.Append(EscapeOf(c));
                }
            }

            return escaped.ToString();
        }

        private static bool IsPrintable(string text, bool keepLineBreaks)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (!Shows(c, keepLineBreaks))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Shows(char c, bool keepLineBreaks)
        {
            if (c == '\n' || c == '\r')
            {
                return keepLineBreaks;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.OtherNotAssigned:
                    return false;
                default:
                    return true;
            }
        }

        private static string EscapeOf(char c)
        {
            switch (c)
            {
                case '\n': return "\\n";
                case '\r': return "\\r";
                case '\t': return "\\t";
                case '\0': return "\\0";
                default: return "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
        }
    }
}

using System;
using System.Text;

namespace S3CrossAccount.Core.Json
{
    /// <summary>
    /// Writes JSON text. Compact form has no whitespace at all (what size limits count); indented
    /// form uses four spaces, like the JSON printed in the AWS documentation.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _sb;
        private readonly bool _indented;
        private int _depth;

        // One entry per open container: has it got a member/item yet?
        private readonly bool[] _hasItems = new bool[128];

        public JsonWriter(bool indented, int capacity = 256)
        {
            _indented = indented;
            _sb = new StringBuilder(capacity);
        }

        public static string Write(JsonValue value, bool indented)
        {
            var w = new JsonWriter(indented);
            w.WriteValue(value);
            return w.ToString();
        }

        public override string ToString() => _sb.ToString();

        public void WriteValue(JsonValue value)
        {
            switch (value)
            {
                case JsonObject o:
                    StartObject();
                    foreach (var m in o.Members)
                    {
                        WriteName(m.Key);
                        WriteValue(m.Value);
                    }

                    EndObject();
                    break;
                case JsonArray a:
                    StartArray();
                    foreach (var item in a.Items)
                    {
                        WriteValue(item);
                    }

                    EndArray();
                    break;
                case JsonString s:
                    WriteString(s.Value);
                    break;
                case JsonNumber n:
                    WriteRaw(n.RawText);
                    break;
                default:
                    WriteRaw(value.Kind == JsonKind.True ? "true" : value.Kind == JsonKind.False ? "false" : "null");
                    break;
            }
        }

        public void StartObject() => Open('{');

        public void EndObject() => Close('}');

        public void StartArray() => Open('[');

        public void EndArray() => Close(']');

        /// <summary>Writes a member name; the next Write* call is its value.</summary>
        public void WriteName(string name)
        {
            BeforeItem();
            AppendQuoted(name);
            _sb.Append(_indented ? ": " : ":");
            _pendingValueAfterName = true;
        }

        public void WriteString(string value)
        {
            BeforeValue();
            AppendQuoted(value);
        }

        public void WriteBoolean(bool value) => WriteRaw(value ? "true" : "false");

        /// <summary>Writes a number (or literal) exactly as given.</summary>
        public void WriteRaw(string token)
        {
            BeforeValue();
            _sb.Append(token);
        }

        private bool _pendingValueAfterName;

        private void Open(char c)
        {
            BeforeValue();
            _sb.Append(c);
            _depth++;
            if (_depth >= _hasItems.Length)
            {
                throw new InvalidOperationException("JSON nesting too deep.");
            }

            _hasItems[_depth] = false;
        }

        private void Close(char c)
        {
            var had = _hasItems[_depth];
            _depth--;
            if (had && _indented)
            {
                NewLine();
            }

            _sb.Append(c);
        }

        private void BeforeValue()
        {
            if (_pendingValueAfterName)
            {
                _pendingValueAfterName = false;
                return;
            }

            if (_depth > 0)
            {
                BeforeItem();
            }
        }

        private void BeforeItem()
        {
            if (_hasItems[_depth])
            {
                _sb.Append(',');
            }

            _hasItems[_depth] = true;
            if (_indented)
            {
                NewLine();
            }
        }

        private void NewLine()
        {
            _sb.Append('\n');
            _sb.Append(' ', _depth * 4);
        }

        private void AppendQuoted(string s)
        {
            _sb.Append('"');
            var runStart = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                string? escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ => c < 0x20 ? "\\u" + ((int)c).ToString("x4") : null,
                };
                if (escape != null)
                {
                    _sb.Append(s, runStart, i - runStart);
                    _sb.Append(escape);
                    runStart = i + 1;
                }
            }

            _sb.Append(s, runStart, s.Length - runStart);
            _sb.Append('"');
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace S3CrossAccount.Core.Json
{
    /// <summary>
    /// A strict RFC 8259 reader: one value, optional surrounding whitespace, no comments, no trailing
    /// commas. Errors carry the line and column of the offending character.
    /// </summary>
    public sealed class JsonReader
    {
        // Policies are small (IAM caps them at a few KB, S3 at 20 KB); the limit only stops a hostile
        // input from exhausting the stack.
        private const int MaxDepth = 64;

        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private JsonReader(string text) => _text = text;

        public static JsonValue Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var reader = new JsonReader(text);
            reader.SkipBom();
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                throw reader.Error("the text is empty; expected a JSON value");
            }

            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Error($"unexpected {reader.DescribeCurrent()} after the end of the JSON value");
            }

            return value;
        }

        private bool AtEnd => _pos >= _text.Length;

        private int Column => _pos - _lineStart + 1;

        private void SkipBom()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }
        }

        private JsonValue ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"nesting deeper than {MaxDepth} levels");
            }

            if (AtEnd)
            {
                throw Error("unexpected end of text; expected a value");
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"':
                    {
                        int line = _line, col = Column;
                        return new JsonString(ReadString(), line, col);
                    }

                case 't': return ReadLiteral("true", JsonKind.True);
                case 'f': return ReadLiteral("false", JsonKind.False);
                case 'n': return ReadLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Error($"unexpected {DescribeCurrent()}; expected a value");
            }
        }

        private JsonObject ReadObject(int depth)
        {
            int line = _line, col = Column;
            _pos++; // {
            var members = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _pos++;
                return new JsonObject(members, line, col);
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || _text[_pos] != '"')
                {
                    throw Error(AtEnd ? "unexpected end of text; expected a member name in double quotes" : $"unexpected {DescribeCurrent()}; expected a member name in double quotes");
                }

                var name = ReadString();
                SkipWhitespace();
                Expect(':', "':' after the member name");
                SkipWhitespace();
                var value = ReadValue(depth + 1);
                members.Add(new KeyValuePair<string, JsonValue>(name, value));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unexpected end of text; expected ',' or '}'");
                }

                var c = _text[_pos++];
                if (c == '}')
                {
                    return new JsonObject(members, line, col);
                }

                if (c != ',')
                {
                    _pos--;
                    throw Error($"unexpected {DescribeCurrent()}; expected ',' or '}}'");
                }
            }
        }

        private JsonArray ReadArray(int depth)
        {
            int line = _line, col = Column;
            _pos++; // [
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == ']')
            {
                _pos++;
                return new JsonArray(items, line, col);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unexpected end of text; expected ',' or ']'");
                }

                var c = _text[_pos++];
                if (c == ']')
                {
                    return new JsonArray(items, line, col);
                }

                if (c != ',')
                {
                    _pos--;
                    throw Error($"unexpected {DescribeCurrent()}; expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            _pos++; // opening quote
            var start = _pos;

            // Fast path: no escapes, return a substring without a builder.
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '"')
                {
                    var s = _text.Substring(start, _pos - start);
                    _pos++;
                    return s;
                }

                if (c == '\\' || c < 0x20)
                {
                    break;
                }

                _pos++;
            }

            var sb = new StringBuilder(_text, start, _pos - start, (_pos - start) + 16);
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return sb.ToString();
                }

                if (c < 0x20)
                {
                    throw Error(c == '\n' ? "unterminated string (a raw line break inside a string)" : $"control character U+{(int)c:X4} inside a string must be escaped");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                _pos++;
                if (AtEnd)
                {
                    throw Error("unterminated escape sequence");
                }

                var e = _text[_pos];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 >= _text.Length)
                        {
                            throw Error("incomplete \\u escape; expected four hex digits");
                        }

                        var hex = _text.Substring(_pos + 1, 4);
                        if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            _pos++;
                            throw Error($"invalid \\u escape '\\u{hex}'; expected four hex digits");
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw Error($"invalid escape '\\{e}'");
                }

                _pos++;
            }
        }

        private JsonNumber ReadNumber()
        {
            int line = _line, col = Column;
            var start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (AtEnd || !IsDigit(_text[_pos]))
            {
                throw Error("invalid number; expected a digit");
            }

            if (_text[_pos] == '0')
            {
                _pos++;
                if (!AtEnd && IsDigit(_text[_pos]))
                {
                    throw Error("invalid number; leading zeros are not allowed");
                }
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd && _text[_pos] == '.')
            {
                _pos++;
                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    throw Error("invalid number; expected a digit after '.'");
                }

                SkipDigits();
            }

            if (!AtEnd && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (!AtEnd && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    throw Error("invalid number; expected a digit in the exponent");
                }

                SkipDigits();
            }

            return new JsonNumber(_text.Substring(start, _pos - start), line, col);
        }

        private JsonLiteral ReadLiteral(string word, JsonKind kind)
        {
            int line = _line, col = Column;
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error($"unexpected {DescribeCurrent()}; expected a value (did you mean {word}?)");
            }

            _pos += word.Length;
            return new JsonLiteral(kind, line, col);
        }

        private void SkipDigits()
        {
            while (!AtEnd && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void SkipWhitespace()
        {
            while (!AtEnd)
            {
                var c = _text[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == ' ' || c == '\t' || c == '\r')
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private void Expect(char c, string what)
        {
            if (AtEnd)
            {
                throw Error($"unexpected end of text; expected {what}");
            }

            if (_text[_pos] != c)
            {
                throw Error($"unexpected {DescribeCurrent()}; expected {what}");
            }

            _pos++;
        }

        private string DescribeCurrent()
        {
            if (AtEnd)
            {
                return "end of text";
            }

            var c = _text[_pos];
            return c < 0x20 || c > 0x7E ? $"character U+{(int)c:X4}" : $"character '{c}'";
        }

        private JsonSyntaxException Error(string problem) => new JsonSyntaxException(problem, _line, Column);
    }
}

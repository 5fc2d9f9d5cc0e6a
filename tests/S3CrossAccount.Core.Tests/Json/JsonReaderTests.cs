using S3CrossAccount.Core.Json;
using Xunit;

namespace S3CrossAccount.Core.Tests.Json
{
    public class JsonReaderTests
    {
        [Fact]
        public void KeepsMemberOrder_RawNumbers_AndLiterals()
        {
            var v = (JsonObject)JsonReader.Parse("{\"b\": 1.50, \"a\": [true, false, null, -0, 2e-3], \"c\": \"x\\u0041\\n\"}");
            Assert.Equal(new[] { "b", "a", "c" }, System.Linq.Enumerable.Select(v.Members, m => m.Key));
            Assert.Equal("1.50", ((JsonNumber)v.Members[0].Value).RawText);
            var arr = (JsonArray)v.Members[1].Value;
            Assert.Equal(new[] { JsonKind.True, JsonKind.False, JsonKind.Null, JsonKind.Number, JsonKind.Number }, System.Linq.Enumerable.Select(arr.Items, i => i.Kind));
            Assert.Equal("xA\n", ((JsonString)v.Members[2].Value).Value);
            Assert.Equal(1, v.Line);
            Assert.Equal(1, v.Column);
            Assert.Equal(18, arr.Column);
        }

        [Theory]
        [InlineData("", 1, 1, "the text is empty")]
        [InlineData("{\"a\":1,}", 1, 8, "expected a member name")]
        [InlineData("{\n  \"a\": tru\n}", 2, 8, "did you mean true?")]
        [InlineData("[1 2]", 1, 4, "expected ',' or ']'")]
        [InlineData("{\"a\" 1}", 1, 6, "expected ':'")]
        [InlineData("\"abc", 1, 5, "unterminated string")]
        [InlineData("01", 1, 2, "leading zeros")]
        [InlineData("{} x", 1, 4, "after the end of the JSON value")]
        [InlineData("\"\\x\"", 1, 3, "invalid escape")]
        [InlineData("\"\\u12G4\"", 1, 4, "invalid \\u escape")]
        [InlineData("[1,\n\n   {]", 3, 5, "expected a member name")]
        public void MalformedText_ReportsLineAndColumn(string text, int line, int column, string problem)
        {
            var ex = Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(text));
            Assert.Equal(line, ex.Line);
            Assert.Equal(column, ex.Column);
            Assert.Contains(problem, ex.Message);
        }

        [Fact]
        public void WriterEscapes_AndRoundTrips()
        {
            var text = "{\"k\":[\"a\\\"b\\\\c\\n\\u0001\",1.0,true,null]}";
            Assert.Equal(text, JsonWriter.Write(JsonReader.Parse(text), indented: false));
            Assert.Equal("{\n    \"k\": [\n        1,\n        {}\n    ]\n}", JsonWriter.Write(JsonReader.Parse("{\"k\":[1,{}]}"), indented: true));
        }
    }
}

using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using Xunit;

namespace S3CrossAccount.Core.Tests.Errors
{
    public class PrintableTests
    {
        [Theory]
        [InlineData("plain-bucket", "'plain-bucket'")]
        [InlineData("111122223333\n", "'111122223333\\n'")]
        [InlineData("a\tb\r\0", "'a\\tb\\r\\0'")]
        [InlineData("role\u202Eevil", "'role\\u202Eevil'")]
        [InlineData("zero\u200Bwidth\uFEFF", "'zero\\u200Bwidth\\uFEFF'")]
        [InlineData("line\u2028sep", "'line\\u2028sep'")]
        [InlineData("caf\u00E9 \U0001F600", "'caf\u00E9 \U0001F600'")]
        public void Quote_EscapesWhatATerminalWouldNotShow_AndKeepsTheRest(string value, string quoted)
        {
            Assert.Equal(quoted, Printable.Quote(value));
        }

        [Fact]
        public void LoneSurrogates_AreEscaped_AndAPairIsKept()
        {
            // Not theory data: xunit would replace a lone surrogate in serialized test data before the test sees it.
            Assert.Equal("'lone\\uD800surrogate'", Printable.Quote("lone\uD800surrogate"));
            Assert.Equal("'low\\uDC00first'", Printable.Quote("low\uDC00first"));
            Assert.Equal("'end\\uD83D'", Printable.Quote("end\uD83D"));
            Assert.Equal("'pair\uD83D\uDE00'", Printable.Quote("pair\uD83D\uDE00"));
        }

        [Fact]
        public void EveryErrorMessage_IsPrintable_ButKeepsItsLineBreaks()
        {
            var ex = new XAccountException(ErrorCode.InvalidPrincipal, "first line\nsecond \uD83D line \u202E");
            Assert.Equal("first line\nsecond \\uD83D line \\u202E", ex.Message);
        }

        [Fact]
        public void AnIdentifierError_QuotesTheValue_Escaped()
        {
            var ex = Assert.Throws<XAccountException>(() => BucketName.Parse("bucket\uD800"));
            Assert.StartsWith("'bucket\\uD800' is not a valid S3 bucket name", ex.Message);
            Assert.Equal("bucket\uD800", ex.Target);
        }
    }
}

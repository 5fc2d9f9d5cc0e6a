using System;
using System.Linq;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Core.Tests
{
    public class ErrorCodeTests
    {
        [Fact]
        public void EveryErrorCode_HasAKind_AndNamesAreUnique()
        {
            var names = Enum.GetNames(typeof(ErrorCode));
            Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(ErrorKind.PermissionDenied, ErrorCodeCategories.KindOf(ErrorCode.AccessDenied));
            Assert.Equal(ErrorKind.ObjectNotFound, ErrorCodeCategories.KindOf(ErrorCode.NoSuchEntity));
            Assert.Equal(ErrorKind.InvalidData, ErrorCodeCategories.KindOf(ErrorCode.MalformedPolicy));
            Assert.Equal(ErrorKind.ResourceExists, ErrorCodeCategories.KindOf(ErrorCode.EntityAlreadyExists));
            Assert.Equal(ErrorKind.LimitsExceeded, ErrorCodeCategories.KindOf(ErrorCode.Throttled));
            Assert.Equal(ErrorKind.InvalidArgument, ErrorCodeCategories.KindOf(ErrorCode.InvalidAccountId));
        }
    }
}

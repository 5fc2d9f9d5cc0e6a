using System;
using System.Linq;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Core.Tests
{
    public class ErrorCodeTests
    {
        [Fact]
        public void ErrorCodeNames_AreUnique()
        {
            var names = Enum.GetNames(typeof(ErrorCode));
            Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        public static TheoryData<ErrorCode> EveryErrorCode()
        {
            var data = new TheoryData<ErrorCode>();
            foreach (ErrorCode code in Enum.GetValues(typeof(ErrorCode)))
            {
                data.Add(code);
            }

            return data;
        }

        /// <summary>KindOf has no default: a code added to the enum but not to the mapping fails here.</summary>
        [Theory]
        [MemberData(nameof(EveryErrorCode))]
        public void EveryErrorCode_IsMappedExplicitly(ErrorCode code) =>
            Assert.True(Enum.IsDefined(typeof(ErrorKind), ErrorCodeCategories.KindOf(code)));

        [Fact]
        public void AValueOutsideTheEnum_IsRefused_NotSilentlyInvalidArgument() =>
            Assert.Throws<ArgumentOutOfRangeException>(() => ErrorCodeCategories.KindOf((ErrorCode)9999));

        [Theory]
        [InlineData(ErrorCode.AccessDenied, ErrorKind.PermissionDenied)]
        [InlineData(ErrorCode.NoSuchEntity, ErrorKind.ObjectNotFound)]
        [InlineData(ErrorCode.MalformedPolicy, ErrorKind.InvalidData)]
        [InlineData(ErrorCode.EntityAlreadyExists, ErrorKind.ResourceExists)]
        [InlineData(ErrorCode.Throttled, ErrorKind.LimitsExceeded)]
        [InlineData(ErrorCode.InvalidAccountId, ErrorKind.InvalidArgument)]
        [InlineData(ErrorCode.CredentialsRejected, ErrorKind.AuthenticationError)]
        [InlineData(ErrorCode.EndpointUnreachable, ErrorKind.ConnectionError)]
        // A credential profile that cannot be written is a failed operation, not a bad argument (it was InvalidArgument by a silent default).
        [InlineData(ErrorCode.ProfileWriteFailed, ErrorKind.InvalidOperation)]
        [InlineData(ErrorCode.BackupFailed, ErrorKind.InvalidOperation)]
        [InlineData(ErrorCode.NoRegion, ErrorKind.InvalidArgument)]
        public void Kinds(ErrorCode code, ErrorKind kind) => Assert.Equal(kind, ErrorCodeCategories.KindOf(code));
    }
}

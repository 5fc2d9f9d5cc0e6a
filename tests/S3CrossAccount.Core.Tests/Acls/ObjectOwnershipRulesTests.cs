using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Evaluation;
using Xunit;

namespace S3CrossAccount.Core.Tests.Acls
{
    public class ObjectOwnershipRulesTests
    {
        [Theory]
        [InlineData(ObjectOwnership.BucketOwnerEnforced, false)]
        [InlineData(ObjectOwnership.BucketOwnerPreferred, true)]
        [InlineData(ObjectOwnership.ObjectWriter, true)]
        public void AclsAreEnabled_UnlessBucketOwnerEnforced(ObjectOwnership ownership, bool enabled)
        {
            Assert.Equal(enabled, ObjectOwnershipRules.AclsEnabled(ownership));
            Assert.Equal(enabled, new XAccountObjectOwnership("b", ownership, OwnershipSource.Configured).AclsEnabled);
        }
    }
}

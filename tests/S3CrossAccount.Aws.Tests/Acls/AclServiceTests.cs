using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Tests.Concurrency;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Acls
{
    /// <summary>The ACL service's logic over a fake S3: exact call lists, no write when nothing changes, and the error paths.</summary>
    public class AclServiceTests
    {
        private const string B = "222233334444$admin";
        private static readonly AclGrant BRead = new AclGrant(AclGranteeKind.CanonicalUser, B, AclPermission.Read);
        private static readonly AclGrant BWrite = new AclGrant(AclGranteeKind.CanonicalUser, B, AclPermission.Write);
        private static readonly AclGrant CRead = new AclGrant(AclGranteeKind.CanonicalUser, "333344445555$admin", AclPermission.Read);

        private readonly FakeS3AclApi _s3 = new FakeS3AclApi();
        private readonly List<string> _verbose = new List<string>();
        private readonly List<string> _asked = new List<string>();

        private AclService Service() => new AclService(_s3, _verbose.Add, TestSettings.NoWait(), "test");

        private bool Yes(string target, string action)
        {
            _asked.Add(target + ": " + action);
            return true;
        }

        [Fact]
        public void ObjectGrant_ReadsOwnershipAndAcl_WritesEveryGrantToKeep_AndTheRerunWritesNothing()
        {
            _s3.Acls["bkt/k1"] = new List<AclGrant> { FakeS3AclApi.OwnerFullControl, CRead };

            var first = Service().Grant("bkt", "k1", new[] { BRead }, Yes)!;

            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "GetObjectAcl bkt/k1", "PutObjectAcl bkt/k1", "GetObjectAcl bkt/k1" }, _s3.Calls);
            Assert.Equal(new[] { FakeS3AclApi.OwnerFullControl, CRead, BRead }, _s3.Acls["bkt/k1"]);
            Assert.True(first.Changed);
            Assert.Equal(new[] { BRead }, first.Added);
            Assert.Equal("bkt/k1", first.Target);
            Assert.Equal(FakeS3AclApi.Owner, first.Owner);
            Assert.Equal(new[] { "bkt/k1: Add READ for canonical ID 222233334444$admin to the object ACL; the 2 existing grant(s) stay" }, _asked);
            // The calls' own Verbose lines come from the call path (SdkS3AclApiTests, SetupMethodTests); the service adds its notes.
            Assert.Equal(new[] { "Bucket 'bkt' has no ownership controls (OwnershipControlsNotFoundError): ObjectWriter, ACLs enabled." }, _verbose);

            _s3.Calls.Clear();
            var again = Service().Grant("bkt", "k1", new[] { BRead }, Yes)!;
            Assert.False(again.Changed);
            Assert.Empty(again.Added);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "GetObjectAcl bkt/k1" }, _s3.Calls);
            Assert.Single(_asked);
        }

        [Fact]
        public void Ownership_IsReadOncePerBucket_ForManyObjects()
        {
            using var service = Service();
            service.Grant("bkt", "a", new[] { BRead }, Yes);
            service.Grant("bkt", "b", new[] { BRead }, Yes);
            Assert.Equal(1, _s3.Calls.Count(c => c.StartsWith("GetBucketOwnershipControls")));
            Assert.Equal(2, _s3.Calls.Count(c => c.StartsWith("PutObjectAcl")));
        }

        [Fact]
        public void BucketOwnerEnforced_RefusesWithAclNotSupported_BeforeTouchingTheAcl()
        {
            _s3.Ownership["bkt"] = new OwnershipReading(ObjectOwnership.BucketOwnerEnforced, OwnershipSource.Configured);

            var ex = Assert.Throws<XAccountException>(() => Service().Grant("bkt", null, new[] { BWrite }, Yes));

            Assert.Equal(ErrorCode.AclNotSupported, ex.Code);
            Assert.Equal(ErrorKind.InvalidOperation, ErrorCodeCategories.KindOf(ex.Code));
            Assert.Equal("bkt", ex.Target);
            Assert.Contains("BucketOwnerEnforced", ex.Message);
            Assert.Contains("New-XAccountBucketPolicy", ex.RecommendedAction);
            Assert.Contains("Set-XAccountBucketPolicy", ex.RecommendedAction);
            Assert.Contains("Set-XAccountObjectOwnership -Bucket bkt", ex.RecommendedAction);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt" }, _s3.Calls);
        }

        [Fact]
        public void AccessControlListNotSupported_FromTheWrite_BecomesTheSameClearError()
        {
            _s3.Ownership["bkt"] = new OwnershipReading(ObjectOwnership.ObjectWriter, OwnershipSource.Unrecognized);
            _s3.Failures["PutBucketAcl bkt"] = new XAccountException(ErrorCode.AclNotSupported, "S3 PutBucketAcl failed: AccessControlListNotSupported: The bucket does not allow ACLs", "bkt");

            var ex = Assert.Throws<XAccountException>(() => Service().Grant("bkt", null, new[] { BWrite }, Yes));

            Assert.Equal(ErrorCode.AclNotSupported, ex.Code);
            Assert.Contains("Set-XAccountObjectOwnership", ex.RecommendedAction);
            Assert.IsType<XAccountException>(ex.InnerException);
            Assert.Contains(_verbose, v => v.StartsWith("The server returned no readable ownership rule for 'bkt'"));
        }

        [Fact]
        public void OwnershipThatCannotBeRead_DoesNotStopTheGrant()
        {
            _s3.Failures["GetBucketOwnershipControls bkt"] = new XAccountException(ErrorCode.AccessDenied, "S3 GetBucketOwnershipControls failed: AccessDenied", "bkt");

            var change = Service().Grant("bkt", null, new[] { BWrite }, Yes)!;

            Assert.True(change.Changed);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "GetBucketAcl bkt", "PutBucketAcl bkt", "GetBucketAcl bkt" }, _s3.Calls);
            Assert.Contains(_verbose, v => v.StartsWith("Could not read the Object Ownership of 'bkt'"));
        }

        [Fact]
        public void AFailedOwnershipRead_IsNotRemembered_TheNextObjectReadsAgain()
        {
            _s3.FailOnce["GetBucketOwnershipControls bkt"] = new XAccountException(ErrorCode.EndpointUnreachable, "S3 GetBucketOwnershipControls could not reach the service", "bkt");
            using var service = Service();

            Assert.Equal(ErrorCode.EndpointUnreachable, Assert.Throws<XAccountException>(() => service.Grant("bkt", "a", new[] { BRead }, Yes)).Code);
            Assert.True(service.Grant("bkt", "b", new[] { BRead }, Yes)!.Changed);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "GetBucketOwnershipControls bkt", "GetObjectAcl bkt/b", "PutObjectAcl bkt/b", "GetObjectAcl bkt/b" }, _s3.Calls);
        }

        [Fact]
        public void FailedWrite_LeavesThePreviousAcl_AndSurfacesTheMappedError()
        {
            _s3.Acls["bkt"] = new List<AclGrant> { FakeS3AclApi.OwnerFullControl, CRead };
            _s3.Failures["PutBucketAcl bkt"] = new XAccountException(ErrorCode.Throttled, "S3 PutBucketAcl failed: SlowDown", "bkt");

            var ex = Assert.Throws<XAccountException>(() => Service().Grant("bkt", null, new[] { BWrite }, Yes));

            Assert.Equal(ErrorCode.Throttled, ex.Code);
            Assert.Equal(new[] { FakeS3AclApi.OwnerFullControl, CRead }, _s3.Acls["bkt"]);
        }

        [Fact]
        public void DeclinedShouldProcess_WritesNothing_AndReturnsNull()
        {
            Assert.Null(Service().Grant("bkt", null, new[] { BWrite, BRead }, (t, a) => { _asked.Add(t + ": " + a); return false; }));
            Assert.DoesNotContain(_s3.Calls, c => c.StartsWith("Put"));
            Assert.Equal(new[] { "bkt: Add WRITE for canonical ID 222233334444$admin, READ for canonical ID 222233334444$admin to the bucket ACL; the 1 existing grant(s) stay" }, _asked);
        }

        [Fact]
        public void Revoke_RemovesOnlyTheNamedGrants_AndSaysWhatStays()
        {
            _s3.Acls["bkt"] = new List<AclGrant> { FakeS3AclApi.OwnerFullControl, CRead, BWrite, BRead };

            var change = Service().Revoke("bkt", null, new[] { BWrite }, Yes)!;

            Assert.Equal(new[] { BWrite }, change.Removed);
            Assert.Equal(new[] { FakeS3AclApi.OwnerFullControl, CRead, BRead }, _s3.Acls["bkt"]);
            Assert.Equal(new[] { "GetBucketAcl bkt", "PutBucketAcl bkt", "GetBucketAcl bkt" }, _s3.Calls);
            Assert.Equal(new[] { "bkt: Remove WRITE for canonical ID 222233334444$admin from the bucket ACL; 3 other grant(s) stay" }, _asked);

            _s3.Calls.Clear();
            Assert.False(Service().Revoke("bkt", null, new[] { BWrite }, Yes)!.Changed);
            Assert.Equal(new[] { "GetBucketAcl bkt" }, _s3.Calls);
        }

        [Fact]
        public void Revoke_ThatWouldEmptyTheAcl_IsRefused()
        {
            var ex = Assert.Throws<XAccountException>(() => Service().Revoke("bkt", "k", new[] { FakeS3AclApi.OwnerFullControl }, Yes));
            Assert.Equal(ErrorCode.EmptyAcl, ex.Code);
            Assert.Equal("bkt/k", ex.Target);
            Assert.DoesNotContain(_s3.Calls, c => c.StartsWith("Put"));
        }

        [Fact]
        public void Write_OnAnObject_IsRefusedBeforeAnyCall()
        {
            var ex = Assert.Throws<XAccountException>(() => Service().Grant("bkt", "k", new[] { BWrite }, Yes));
            Assert.Equal(ErrorCode.InvalidAclGrant, ex.Code);
            Assert.Empty(_s3.Calls);
        }

        [Fact]
        public void ListKeys_FollowsEveryPage()
        {
            _s3.Keys = Enumerable.Range(0, 5).Select(i => "p/" + i).Concat(new[] { "q/x" }).ToList();
            _s3.PageSize = 2;

            Assert.Equal(new[] { "p/0", "p/1", "p/2", "p/3", "p/4" }, Service().ListKeys("bkt", "p/").ToList());
            Assert.Equal(new[] { "ListObjectsV2 bkt p/ -", "ListObjectsV2 bkt p/ 2", "ListObjectsV2 bkt p/ 4" }, _s3.Calls);
        }

        [Fact]
        public void SetOwnership_WritesOnlyWhenDifferent_AndReportsThePreviousSetting()
        {
            _s3.Ownership["bkt"] = new OwnershipReading(ObjectOwnership.BucketOwnerEnforced, OwnershipSource.Configured);
            var seen = new List<ObjectOwnership?>();

            var changed = Service().SetOwnership("bkt", ObjectOwnership.BucketOwnerPreferred, p => { seen.Add(p); return true; })!;
            Assert.True(changed.Changed);
            Assert.True(changed.AclsEnabled);
            Assert.Equal(ObjectOwnership.BucketOwnerEnforced, changed.PreviousObjectOwnership);
            Assert.Equal(new ObjectOwnership?[] { ObjectOwnership.BucketOwnerEnforced }, seen);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "PutBucketOwnershipControls bkt BucketOwnerPreferred" }, _s3.Calls);

            _s3.Calls.Clear();
            var same = Service().SetOwnership("bkt", ObjectOwnership.BucketOwnerPreferred, p => { seen.Add(p); return true; })!;
            Assert.False(same.Changed);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt" }, _s3.Calls);
            Assert.Single(seen);

            _s3.Calls.Clear();
            Assert.Null(Service().SetOwnership("bkt", ObjectOwnership.BucketOwnerEnforced, p => false));
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt" }, _s3.Calls);
        }

        [Fact]
        public void SetOwnership_OnABucketWithoutControls_Writes_EvenWhenTheValueIsTheDefault()
        {
            var result = Service().SetOwnership("bkt", ObjectOwnership.ObjectWriter, p => true)!;
            Assert.True(result.Changed);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "PutBucketOwnershipControls bkt ObjectWriter" }, _s3.Calls);
        }
    }
}

using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Credentials
{
    /// <summary>Region order: -Region, $StoredAWSRegion, the profile's region, AWS_REGION, AWS_DEFAULT_REGION.</summary>
    public class RegionOrderTests
    {
        private static ProfileSandbox AllRegionSources() =>
            new ProfileSandbox()
                .Credentials("[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret")
                .Config("[default]\nregion = ap-southeast-2")
                .Variable(AwsSessionResolver.StoredRegionVariable, "eu-central-1")
                .Env("AWS_REGION", "ca-central-1")
                .Env("AWS_DEFAULT_REGION", "sa-east-1");

        [Fact]
        public void Step1_RegionParameter_WinsOverEverything()
        {
            using var box = AllRegionSources();
            var session = box.Resolve(new SessionRequest { Region = "eu-north-1" });
            Assert.Equal(("eu-north-1", "the -Region parameter"), (session.Region, session.RegionSource));
        }

        [Fact]
        public void Step1_AwsToolsRegionObject_IsReadByItsRegionProperty()
        {
            using var box = AllRegionSources();
            Assert.Equal("eu-west-3", box.Resolve(new SessionRequest { Region = new ForeignRegion() }).Region);
        }

        [Fact]
        public void Step1_SdkRegionEndpoint_IsReadByItsSystemName()
        {
            using var box = AllRegionSources();
            Assert.Equal("us-west-2", box.Resolve(new SessionRequest { Region = Amazon.RegionEndpoint.USWest2 }).Region);
        }

        [Theory]
        [InlineData("Frankfurt")]
        [InlineData("us east 1")]
        public void Step1_NotARegionName_IsInvalidRegion(string region)
        {
            using var box = AllRegionSources();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { Region = region }));
            Assert.Equal(ErrorCode.InvalidRegion, ex.Code);
            Assert.Equal(region, ex.Target);
        }

        [Fact]
        public void Step2_StoredAwsRegion_WinsOverProfileAndEnvironment()
        {
            using var box = AllRegionSources();
            var session = box.Resolve(new SessionRequest());
            Assert.Equal(("eu-central-1", "the shell variable $StoredAWSRegion"), (session.Region, session.RegionSource));
        }

        [Fact]
        public void Step3_ProfileRegion_WinsOverEnvironment()
        {
            using var box = AllRegionSources();
            box.Variable(AwsSessionResolver.StoredRegionVariable, null);
            var session = box.Resolve(new SessionRequest());
            Assert.Equal(("ap-southeast-2", "profile 'default'"), (session.Region, session.RegionSource));
        }

        [Fact]
        public void Step3_NamedProfileRegion_IsTheNamedProfiles()
        {
            using var box = AllRegionSources();
            box.Variable(AwsSessionResolver.StoredRegionVariable, null)
               .Credentials("[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other-secret")
               .Config("[profile other]\nregion = af-south-1");
            var session = box.Resolve(new SessionRequest { ProfileName = "other" });
            Assert.Equal(("af-south-1", "profile 'other'"), (session.Region, session.RegionSource));
        }

        [Fact]
        public void Step4_AwsRegion_WinsOverAwsDefaultRegion()
        {
            using var box = new ProfileSandbox().Env("AWS_REGION", "ca-central-1").Env("AWS_DEFAULT_REGION", "sa-east-1");
            var session = box.Resolve(new SessionRequest { AccessKey = "AKIA", SecretKey = "s" });
            Assert.Equal(("ca-central-1", "environment variable AWS_REGION"), (session.Region, session.RegionSource));
        }

        [Fact]
        public void Step5_AwsDefaultRegion_IsTheLastSource()
        {
            using var box = new ProfileSandbox().Env("AWS_DEFAULT_REGION", "sa-east-1");
            var session = box.Resolve(new SessionRequest { AccessKey = "AKIA", SecretKey = "s" });
            Assert.Equal(("sa-east-1", "environment variable AWS_DEFAULT_REGION"), (session.Region, session.RegionSource));
        }

        [Fact]
        public void NoRegion_IsAnError_ThatSaysWhatWasTried()
        {
            using var box = new ProfileSandbox();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { AccessKey = "AKIA", SecretKey = "s" }));
            Assert.Equal(ErrorCode.NoRegion, ex.Code);
            Assert.Contains("$StoredAWSRegion", ex.Message);
            Assert.Contains("AWS_DEFAULT_REGION", ex.Message);
        }

        [Fact]
        public void NoRegion_WithEndpointUrl_SignsForUsEast1()
        {
            using var box = new ProfileSandbox();
            var session = box.Resolve(new SessionRequest { AccessKey = "AKIA", SecretKey = "s", EndpointUrl = "http://127.0.0.1:7480" });
            Assert.Equal("us-east-1", session.Region);
            Assert.Equal("http://127.0.0.1:7480", session.EndpointUrl);
        }

        [Fact]
        public void EndpointUrl_ThatIsNotAnHttpUrl_IsRejected()
        {
            using var box = new ProfileSandbox();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { AccessKey = "AKIA", SecretKey = "s", Region = "us-east-1", EndpointUrl = "s3.example.com" }));
            Assert.Equal(ErrorCode.InvalidParameterCombination, ex.Code);
        }
    }
}

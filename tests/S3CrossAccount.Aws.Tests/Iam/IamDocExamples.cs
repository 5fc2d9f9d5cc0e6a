namespace S3CrossAccount.Aws.Tests.Iam
{
    /// <summary>
    /// Response bodies in the shape of the IAM API Reference examples
    /// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_&lt;Action&gt;.html, "Examples"),
    /// including IAM's URL-encoded policy documents.
    /// </summary>
    internal static class IamDocExamples
    {
        public const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

        // API_GetRole.html example (trust policy URL-encoded as IAM sends it).
        public const string GetRole = @"<GetRoleResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <GetRoleResult>
    <Role>
      <Path>/application_abc/component_xyz/</Path>
      <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
      <RoleName>S3Access</RoleName>
      <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%5B%22ec2.amazonaws.com%22%5D%7D%2C%22Action%22%3A%5B%22sts%3AAssumeRole%22%5D%7D%5D%7D</AssumeRolePolicyDocument>
      <CreateDate>2012-05-08T23:34:01Z</CreateDate>
      <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
      <RoleLastUsed>
        <LastUsedDate>2019-11-20T17:09:20Z</LastUsedDate>
        <Region>us-east-1</Region>
      </RoleLastUsed>
      <MaxSessionDuration>3600</MaxSessionDuration>
      <Tags>
        <member><Key>Department</Key><Value>Accounting</Value></member>
      </Tags>
    </Role>
  </GetRoleResult>
  <ResponseMetadata>
    <RequestId>df37e965-9967-11e1-a4c3-270EXAMPLE04</RequestId>
  </ResponseMetadata>
</GetRoleResponse>";

        // API_CreateRole.html example.
        public const string CreateRole = @"<CreateRoleResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <CreateRoleResult>
    <Role>
      <Path>/application_abc/component_xyz/</Path>
      <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
      <RoleName>S3Access</RoleName>
      <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%5B%22ec2.amazonaws.com%22%5D%7D%2C%22Action%22%3A%5B%22sts%3AAssumeRole%22%5D%7D%5D%7D</AssumeRolePolicyDocument>
      <CreateDate>2012-05-08T23:34:01.495Z</CreateDate>
      <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
    </Role>
  </CreateRoleResult>
  <ResponseMetadata>
    <RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId>
  </ResponseMetadata>
</CreateRoleResponse>";

        // API_GetRolePolicy.html example.
        public const string GetRolePolicy = @"<GetRolePolicyResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
<GetRolePolicyResult>
  <PolicyName>S3AccessPolicy</PolicyName>
  <RoleName>S3Access</RoleName>
  <PolicyDocument>
  {""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Action"":[""s3:*""],""Resource"":[""*""]}]}
  </PolicyDocument>
</GetRolePolicyResult>
<ResponseMetadata>
  <RequestId>7e7cd8bc-99ef-11e1-a4c3-27EXAMPLE804</RequestId>
</ResponseMetadata>
</GetRolePolicyResponse>";

        // GetUserPolicy with an encoded document, as AWS sends it.
        public const string GetUserPolicy = @"<GetUserPolicyResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
   <GetUserPolicyResult>
      <UserName>Bob</UserName>
      <PolicyName>AllAccessPolicy</PolicyName>
      <PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22aws%3AUserAgent%22%3A%22a%20b%2Bc%22%7D%7D%7D%5D%7D</PolicyDocument>
   </GetUserPolicyResult>
   <ResponseMetadata>
      <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
   </ResponseMetadata>
</GetUserPolicyResponse>";

        // API_ListRolePolicies.html example (truncated page).
        public const string ListRolePoliciesTruncated = @"<ListRolePoliciesResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <ListRolePoliciesResult>
    <PolicyNames>
      <member>CloudwatchPutMetricPolicy</member>
      <member>S3AccessPolicy</member>
    </PolicyNames>
    <IsTruncated>true</IsTruncated>
    <Marker>AAFoo=</Marker>
  </ListRolePoliciesResult>
  <ResponseMetadata>
    <RequestId>8c7e1816-99f0-11e1-a4c3-27EXAMPLE804</RequestId>
  </ResponseMetadata>
</ListRolePoliciesResponse>";

        public const string ListRolePoliciesLast = @"<ListRolePoliciesResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <ListRolePoliciesResult>
    <PolicyNames>
      <member>ThirdPolicy</member>
    </PolicyNames>
    <IsTruncated>false</IsTruncated>
  </ListRolePoliciesResult>
  <ResponseMetadata>
    <RequestId>8c7e1816-99f0-11e1-a4c3-27EXAMPLE805</RequestId>
  </ResponseMetadata>
</ListRolePoliciesResponse>";

        // API_ListRoleTags.html example.
        public const string ListRoleTags = @"<ListRoleTagsResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <ListRoleTagsResult>
    <Tags>
      <member><Key>Dept</Key><Value>Accounting</Value></member>
      <member><Key>Cost Center</Key><Value>12345</Value></member>
    </Tags>
    <IsTruncated>false</IsTruncated>
  </ListRoleTagsResult>
  <ResponseMetadata>
    <RequestId>EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLE</RequestId>
  </ResponseMetadata>
</ListRoleTagsResponse>";

        // API_CreatePolicy.html example.
        public const string CreatePolicy = @"<CreatePolicyResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <CreatePolicyResult>
    <Policy>
      <PolicyName>S3-read-only-example-bucket</PolicyName>
      <DefaultVersionId>v1</DefaultVersionId>
      <PolicyId>AGPACKCEVSQ6C2EXAMPLE</PolicyId>
      <Path>/</Path>
      <Arn>arn:aws:iam::123456789012:policy/S3-read-only-example-bucket</Arn>
      <AttachmentCount>0</AttachmentCount>
      <CreateDate>2014-09-15T17:36:14.673Z</CreateDate>
      <UpdateDate>2014-09-15T17:36:14.673Z</UpdateDate>
    </Policy>
  </CreatePolicyResult>
  <ResponseMetadata>
    <RequestId>ca64c9e1-3cfe-11e4-bfad-8d1c6EXAMPLE</RequestId>
  </ResponseMetadata>
</CreatePolicyResponse>";

        // API_GetPolicyVersion.html example.
        public const string GetPolicyVersion = @"<GetPolicyVersionResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <GetPolicyVersionResult>
    <PolicyVersion>
      <Document>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22s3%3AListAllMyBuckets%22%5D%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3A%2A%22%7D%5D%7D</Document>
      <IsDefaultVersion>true</IsDefaultVersion>
      <VersionId>v1</VersionId>
      <CreateDate>2014-09-15T20:31:47Z</CreateDate>
    </PolicyVersion>
  </GetPolicyVersionResult>
  <ResponseMetadata>
    <RequestId>d472f28e-3d23-11e4-a4a0-cffb9EXAMPLE</RequestId>
  </ResponseMetadata>
</GetPolicyVersionResponse>";

        // API_ListPolicyVersions.html example, with five versions.
        public static string ListPolicyVersions(string defaultVersion, params (string Id, string Date)[] versions)
        {
            var members = string.Concat(System.Linq.Enumerable.Select(versions, v =>
                $"<member><IsDefaultVersion>{(v.Id == defaultVersion ? "true" : "false")}</IsDefaultVersion><VersionId>{v.Id}</VersionId><CreateDate>{v.Date}</CreateDate></member>"));
            return $@"<ListPolicyVersionsResponse xmlns=""{Ns}""><ListPolicyVersionsResult><Versions>{members}</Versions><IsTruncated>false</IsTruncated></ListPolicyVersionsResult><ResponseMetadata><RequestId>a31d1a86-3eba-11e4-9d0d-6f4c4EXAMPLE</RequestId></ResponseMetadata></ListPolicyVersionsResponse>";
        }

        public const string CreatePolicyVersion = @"<CreatePolicyVersionResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <CreatePolicyVersionResult>
    <PolicyVersion>
      <IsDefaultVersion>true</IsDefaultVersion>
      <VersionId>v6</VersionId>
      <CreateDate>2014-09-19T22:32:43.522Z</CreateDate>
    </PolicyVersion>
  </CreatePolicyVersionResult>
  <ResponseMetadata>
    <RequestId>bb551b92-3f91-11e4-9d0d-6f4c4EXAMPLE</RequestId>
  </ResponseMetadata>
</CreatePolicyVersionResponse>";

        // API_ListAttachedRolePolicies.html example.
        public const string ListAttachedRolePolicies = @"<ListAttachedRolePoliciesResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <ListAttachedRolePoliciesResult>
    <AttachedPolicies>
      <member>
        <PolicyName>ReadOnlyAccess</PolicyName>
        <PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn>
      </member>
    </AttachedPolicies>
    <IsTruncated>false</IsTruncated>
  </ListAttachedRolePoliciesResult>
  <ResponseMetadata>
    <RequestId>9a3b490d-3ea3-11e4-9d0d-6f4c4EXAMPLE</RequestId>
  </ResponseMetadata>
</ListAttachedRolePoliciesResponse>";

        // API_GetUser.html example.
        public const string GetUser = @"<GetUserResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <GetUserResult>
    <User>
      <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
      <Path>/division_abc/subdivision_xyz/</Path>
      <UserName>Bob</UserName>
      <Arn>arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob</Arn>
      <CreateDate>2013-10-02T17:01:44Z</CreateDate>
      <PasswordLastUsed>2014-10-10T14:37:51Z</PasswordLastUsed>
    </User>
  </GetUserResult>
  <ResponseMetadata>
    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
  </ResponseMetadata>
</GetUserResponse>";

        public static string Empty(string action) =>
            $@"<{action}Response xmlns=""{Ns}""><ResponseMetadata><RequestId>{action}-request-id</RequestId></ResponseMetadata></{action}Response>";

        // API_ListRoles.html example shape: members of Roles, each with its URL-encoded trust policy, truncated.
        public const string ListRolesTruncated = @"<ListRolesResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <ListRolesResult>
    <IsTruncated>true</IsTruncated>
    <Marker>AAGpage2=</Marker>
    <Roles>
      <member>
        <Path>/application_abc/component_xyz/</Path>
        <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
        <RoleName>S3Access</RoleName>
        <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%5B%22ec2.amazonaws.com%22%5D%7D%2C%22Action%22%3A%5B%22sts%3AAssumeRole%22%5D%7D%5D%7D</AssumeRolePolicyDocument>
        <CreateDate>2012-05-09T15:45:35Z</CreateDate>
        <RoleId>AROACVSVTSZYEXAMPLEYK</RoleId>
      </member>
      <member>
        <Path>/</Path>
        <Arn>arn:aws:iam::123456789012:role/examplerole</Arn>
        <RoleName>examplerole</RoleName>
        <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A333344445555%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D</AssumeRolePolicyDocument>
        <CreateDate>2012-05-09T15:47:36Z</CreateDate>
        <RoleId>AROA4ADJ7BXYEXAMPLE9R</RoleId>
        <MaxSessionDuration>3600</MaxSessionDuration>
      </member>
    </Roles>
  </ListRolesResult>
  <ResponseMetadata>
    <RequestId>20f7279f-99ee-11e1-a4c3-27EXAMPLE804</RequestId>
  </ResponseMetadata>
</ListRolesResponse>";

        public const string ListRolesLast = @"<ListRolesResponse xmlns=""https://iam.amazonaws.com/doc/2010-05-08/"">
  <ListRolesResult>
    <IsTruncated>false</IsTruncated>
    <Roles>
      <member>
        <Path>/</Path>
        <Arn>arn:aws:iam::123456789012:role/Third</Arn>
        <RoleName>Third</RoleName>
        <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D</AssumeRolePolicyDocument>
        <CreateDate>2013-01-01T00:00:00Z</CreateDate>
        <RoleId>AROATHIRDEXAMPLE00001</RoleId>
      </member>
    </Roles>
  </ListRolesResult>
  <ResponseMetadata>
    <RequestId>20f7279f-99ee-11e1-a4c3-27EXAMPLE805</RequestId>
  </ResponseMetadata>
</ListRolesResponse>";

        // CommonErrors / each action's Errors: the Query error envelope.
        public static string Error(string code, string message, string type = "Sender", string requestId = "err-request-id") =>
            $@"<ErrorResponse xmlns=""{Ns}""><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";
    }
}

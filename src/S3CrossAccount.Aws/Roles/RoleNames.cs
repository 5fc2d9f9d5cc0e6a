using System.Text.RegularExpressions;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>IAM name rules the cmdlets check before calling IAM, so a typo fails with the offending value.</summary>
    public static class RoleNames
    {
        // 1-64 characters of [A-Za-z0-9_+=,.@-] (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
        private static readonly Regex RoleName = new Regex(@"^[A-Za-z0-9_+=,.@-]{1,64}\z", RegexOptions.CultureInvariant);

        // Policy names: 1-128 of [A-Za-z0-9_+=,.@-] (https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html).
        private static readonly Regex PolicyName = new Regex(@"^[A-Za-z0-9_+=,.@-]{1,128}\z", RegexOptions.CultureInvariant);

        public static string Validate(string? roleName)
        {
            if (roleName == null || !RoleName.IsMatch(roleName))
            {
                throw new XAccountException(ErrorCode.InvalidRoleName,
                    $"{Printable.Quote(roleName)} is not a valid IAM role name (1 to 64 letters, digits and +=,.@_-).", roleName,
                    "Use a name such as S3CrossAccountReader.");
            }

            return roleName;
        }

        public static string ValidatePolicyName(string? policyName)
        {
            if (policyName == null || !PolicyName.IsMatch(policyName))
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination,
                    $"{Printable.Quote(policyName)} is not a valid IAM policy name (1 to 128 letters, digits and +=,.@_-).", policyName,
                    "Use a name such as S3CrossAccountAccess.");
            }

            return policyName;
        }

        /// <summary>The role name of a role ARN (the last segment after role/ and its path).</summary>
        public static string FromArn(string roleArn)
        {
            if (!PrincipalArn.TryParse(roleArn, out var parsed) || parsed!.Kind != PrincipalKind.Role || parsed.Name == null)
            {
                throw new XAccountException(ErrorCode.InvalidArn, $"{Printable.Quote(roleArn)} is not a role ARN.", roleArn,
                    "Pass arn:aws:iam::111122223333:role/RoleName, or -RoleName.");
            }

            return parsed.Name;
        }
    }
}

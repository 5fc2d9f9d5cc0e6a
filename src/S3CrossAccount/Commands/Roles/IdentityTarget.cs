using S3CrossAccount.Core.Roles;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>The -UserName/-RoleName/-GroupName parameter sets shared by the identity-policy cmdlets.</summary>
    internal static class IdentityTarget
    {
        internal const string User = "User";
        internal const string Role = "Role";
        internal const string Group = "Group";

        internal static (IamIdentityType Type, string Name) Of(string parameterSet, string? user, string? role, string? group) =>
            parameterSet == Role ? (IamIdentityType.Role, role!) : parameterSet == Group ? (IamIdentityType.Group, group!) : (IamIdentityType.User, user!);
    }
}

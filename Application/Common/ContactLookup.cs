using AuthService.Domain.Users;

namespace AuthService.Application.Common;

internal static class ContactLookup
{
    public static string Normalize(IdentifierKind kind, string value) => kind switch
    {
        IdentifierKind.Email => Identifiers.NormalizeEmail(value),
        IdentifierKind.Username => Identifiers.NormalizeUsername(value),
        _ => value.Trim(),
    };

    public static Task<User?> FindAsync(IUserRepository users, IdentifierKind kind, string normalized, CancellationToken ct) =>
        kind switch
        {
            IdentifierKind.Email => users.FindByEmailAsync(normalized, ct),
            IdentifierKind.Phone => users.FindByPhoneAsync(normalized, ct),
            _ => users.FindByUsernameAsync(normalized, ct),
        };
}

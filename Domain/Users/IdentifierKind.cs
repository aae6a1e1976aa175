namespace AuthService.Domain.Users;

/// <summary>Which identifier a person typed to sign in or receive a code.</summary>
public enum IdentifierKind
{
    Email,
    Phone,
    Username,
}

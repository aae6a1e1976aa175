using AuthService.Domain.Users;

namespace AuthService.Application.Common;

/// <summary>An email address or a phone number, normalised, as a request named it.</summary>
internal sealed record Contact(IdentifierKind Kind, string Destination)
{
    /// <summary>From a validated command in which exactly one of the two is set.</summary>
    public static Contact From(string? email, string? phone) => email is not null
        ? new Contact(IdentifierKind.Email, ContactLookup.Normalize(IdentifierKind.Email, email))
        : new Contact(IdentifierKind.Phone, ContactLookup.Normalize(IdentifierKind.Phone, phone!));
}

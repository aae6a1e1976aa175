using AuthService.Domain.Identities;

namespace AuthService.Application.OAuth;

/// <summary>One way to sign in: a linked provider account, or <c>password</c>.</summary>
public sealed record IdentityView(string Provider, string? Subject, string? Email, DateTimeOffset LinkedAt)
{
    internal static IdentityView From(ExternalIdentity identity) =>
        new(identity.Provider, identity.Subject, identity.Email, identity.LinkedAt);
}

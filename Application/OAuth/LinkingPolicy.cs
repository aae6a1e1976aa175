using AuthService.Domain.Identities;
using AuthService.Domain.Users;

namespace AuthService.Application.OAuth;

/// <summary>The rules of API.md about which provider accounts may belong to which users.</summary>
internal static class LinkingPolicy
{
    /// <summary>
    /// A provider login may join an existing account by email only when both the provider and
    /// the account have verified that very address. Otherwise whoever controls an unverified
    /// address at some provider could take over the account that owns it here.
    /// </summary>
    public static bool MayAutoLink(ProviderIdentity identity, User owner) =>
        identity.EmailVerified
        && owner.EmailVerified
        && identity.Email is not null
        && owner.Email is not null
        && string.Equals(Identifiers.NormalizeEmail(identity.Email), Identifiers.NormalizeEmail(owner.Email), StringComparison.Ordinal);

    /// <summary>Whether the signed-in user may link this provider account; null when allowed.</summary>
    public static Error? CheckExplicitLink(
        Guid userId, ProviderIdentity identity, ExternalIdentity? owner, IReadOnlyList<ExternalIdentity> userIdentities)
    {
        if (owner is not null && owner.UserId != userId)
        {
            return new Error(ErrorCode.IdentifierTaken, $"This {identity.Provider} account is already linked to another user.");
        }

        if (owner is null && userIdentities.Any(i => i.Provider == identity.Provider))
        {
            return new Error(
                ErrorCode.IdentifierTaken,
                $"This account already has a linked {identity.Provider} account; unlink it first.");
        }

        return null;
    }

    public static Error AccountExists(string provider) => new(
        ErrorCode.AccountExists,
        $"An account with this email address already exists. Sign in to it and link {provider} from there.");
}

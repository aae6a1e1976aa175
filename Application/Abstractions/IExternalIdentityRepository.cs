using AuthService.Domain.Identities;

namespace AuthService.Application.Abstractions;

public interface IExternalIdentityRepository
{
    Task<ExternalIdentity?> FindAsync(string provider, string subject, CancellationToken ct);

    Task<IReadOnlyList<ExternalIdentity>> ListForUserAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Locks the user's row until the unit of work ends, then lists the identities, so two
    /// concurrent unlinks cannot both see "one more left" and remove the last way in.
    /// </summary>
    Task<IReadOnlyList<ExternalIdentity>> ListForUserLockedAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Inserts the link unless the provider account is already linked or the user already has
    /// one for this provider (one conditional statement); false when it was not inserted.
    /// </summary>
    Task<bool> TryAddAsync(ExternalIdentity identity, CancellationToken ct);

    /// <summary>Keeps the provider's email of a linked identity current.</summary>
    Task UpdateEmailAsync(Guid identityId, string? email, bool emailVerified, CancellationToken ct);

    /// <summary>
    /// Unlinks the user's identity of this provider only if another way in remains (the rule of
    /// <c>SignInMethods.WithoutIdentity</c>, in one statement); false when nothing was removed.
    /// </summary>
    Task<bool> DeleteAsync(Guid userId, string provider, CancellationToken ct);
}

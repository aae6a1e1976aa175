using AuthService.Domain.Invites;

namespace AuthService.Application.Invites;

/// <summary>
/// Invitations. The state changes are decided by <see cref="Invite"/>; the two that race (using one,
/// revoking one) are stored by one conditional statement each that applies the entity's rule again.
/// </summary>
public interface IInviteRepository
{
    Task AddAsync(Invite invite, CancellationToken ct);

    Task<Invite?> FindAsync(Guid inviteId, CancellationToken ct);

    Task<Invite?> FindByTokenHashAsync(string tokenHash, CancellationToken ct);

    /// <summary>The newest invitations first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Invite>> ListAsync(int limit, CancellationToken ct);

    /// <summary>Revokes it if <see cref="Invite.Revoke"/> allows it now; false otherwise.</summary>
    Task<bool> RevokeAsync(Guid inviteId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Uses the invitation with this token hash if <see cref="Invite.Use"/> allows it, in one
    /// conditional statement: of two registrations racing with one token, one wins. Its id, or null.
    /// </summary>
    Task<Guid?> ConsumeAsync(string tokenHash, string? email, Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Uses the oldest pending invitation bound to <paramref name="email"/> (a provider sign-up carries no token); its id, or null.</summary>
    Task<Guid?> ConsumeForEmailAsync(string email, Guid userId, DateTimeOffset now, CancellationToken ct);
}

using AuthService.Domain.Invites;

namespace AuthService.Application.Invites;

public interface IInviteRepository
{
    Task AddAsync(Invite invite, CancellationToken ct);

    /// <summary>The newest invitations first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Invite>> ListAsync(int limit, CancellationToken ct);

    /// <summary>Revokes an invitation that is neither used nor revoked; false otherwise.</summary>
    Task<bool> RevokeAsync(Guid inviteId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Uses the invitation with this token hash if it admits <paramref name="email"/> now
    /// (<see cref="Invite.Admits"/>), in one conditional statement: of two registrations racing
    /// with one token, one wins. Returns its id, or null.
    /// </summary>
    Task<Guid?> ConsumeAsync(string tokenHash, string? email, Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Uses the oldest pending invitation bound to <paramref name="email"/> (a provider sign-up carries no token); its id, or null.</summary>
    Task<Guid?> ConsumeForEmailAsync(string email, Guid userId, DateTimeOffset now, CancellationToken ct);
}

using AuthService.Domain.Invites;

namespace AuthService.Application.Invites;

/// <summary>An invitation as operators see it, without its token hash; <c>Status</c>: pending, used, expired or revoked.</summary>
public sealed record InviteView(
    Guid Id, string? Email, string Status, DateTimeOffset CreatedAt, Guid? CreatedBy, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt, Guid? UsedBy, DateTimeOffset? RevokedAt)
{
    internal static InviteView From(Invite i, DateTimeOffset now) =>
        new(i.Id, i.Email, i.Status(now), i.CreatedAt, i.CreatedBy, i.ExpiresAt, i.UsedAt, i.UsedBy, i.RevokedAt);
}

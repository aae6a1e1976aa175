using AuthService.Application.Invites;

namespace AuthService.Adapters.Http.Contracts;

public sealed record CreateInviteRequest(string? Email, int? ExpiresInHours);

/// <summary>The only response that ever carries the invitation token.</summary>
public sealed record CreatedInviteResponse(Guid Id, string Token, string? Email, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt)
{
    public static CreatedInviteResponse From(IssuedInvite issued) =>
        new(issued.Id, issued.Token, issued.Email, issued.ExpiresAt, issued.CreatedAt);
}

/// <summary><c>status</c>: pending, used, expired or revoked.</summary>
public sealed record InviteResponse(
    Guid Id, string? Email, string Status, DateTimeOffset CreatedAt, Guid? CreatedBy, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt, Guid? UsedBy, DateTimeOffset? RevokedAt)
{
    public static InviteResponse From(InviteView i) =>
        new(i.Id, i.Email, i.Status, i.CreatedAt, i.CreatedBy, i.ExpiresAt, i.UsedAt, i.UsedBy, i.RevokedAt);
}

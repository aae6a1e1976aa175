namespace AuthService.Domain.Invites;

/// <summary>
/// An invitation to register while registration is invite-only: single use, until
/// <see cref="ExpiresAt"/>, and, when <see cref="Email"/> is set, for that address only.
/// </summary>
public sealed class Invite
{
    public required Guid Id { get; init; }
    public required string TokenHash { get; init; }
    public string? Email { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedBy { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public Guid? UsedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public string Status(DateTimeOffset now) =>
        UsedAt is not null ? "used" : RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "pending";

    /// <summary>
    /// Whether it admits a registration of <paramref name="email"/> (normalised; null for a phone-only
    /// account). The repository's consuming statement mirrors this rule in SQL.
    /// </summary>
    public bool Admits(string? email, DateTimeOffset now) =>
        Status(now) == "pending" && (Email is null || string.Equals(Email, email, StringComparison.Ordinal));
}

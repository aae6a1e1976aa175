namespace AuthService.Domain.Invites;

/// <summary>
/// An invitation to register while registration is invite-only: single use, until
/// <see cref="ExpiresAt"/>, and, when <see cref="Email"/> is set, for that address only.
/// </summary>
public sealed class Invite
{
    public const int DefaultHours = 72;
    public const int MaxHours = 24 * 30;

    private Invite()
    {
    }

    public Guid Id { get; private init; }
    public string TokenHash { get; private init; } = "";
    public string? Email { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public Guid? CreatedBy { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
    public DateTimeOffset? UsedAt { get; private set; }
    public Guid? UsedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new invitation, valid for <paramref name="hours"/> (1 to <see cref="MaxHours"/>) from <paramref name="now"/>.</summary>
    public static Invite Issue(Guid id, string tokenHash, string? email, Guid? createdBy, DateTimeOffset now, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, MaxHours);
        return new Invite
        {
            Id = id,
            TokenHash = tokenHash,
            Email = email,
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = now.AddHours(hours),
        };
    }

    /// <summary>An invitation as it was stored.</summary>
    public static Invite Restore(
        Guid id, string tokenHash, string? email, DateTimeOffset createdAt, Guid? createdBy, DateTimeOffset expiresAt,
        DateTimeOffset? usedAt, Guid? usedBy, DateTimeOffset? revokedAt) => new()
        {
            Id = id,
            TokenHash = tokenHash,
            Email = email,
            CreatedAt = createdAt,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
            UsedAt = usedAt,
            UsedBy = usedBy,
            RevokedAt = revokedAt,
        };

    /// <summary>pending, used, expired or revoked.</summary>
    public string Status(DateTimeOffset now) =>
        UsedAt is not null ? "used" : RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "pending";

    /// <summary>
    /// Whether it admits a registration of <paramref name="email"/> (normalised; null for a phone-only
    /// account): pending, and for that address or any.
    /// </summary>
    public bool Admits(string? email, DateTimeOffset now) =>
        Status(now) == "pending" && (Email is null || string.Equals(Email, email, StringComparison.Ordinal));

    /// <summary>Uses it up for <paramref name="userId"/>; false (and unchanged) when it does not admit <paramref name="email"/>.</summary>
    public bool Use(string? email, Guid userId, DateTimeOffset now)
    {
        if (!Admits(email, now))
        {
            return false;
        }

        (UsedAt, UsedBy) = (now, userId);
        return true;
    }

    /// <summary>Revokes it unless it is used or revoked already (an expired one may still be revoked).</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (UsedAt is not null || RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}

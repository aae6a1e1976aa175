namespace AuthService.Domain.Mfa;

/// <summary>One of a user's single-use recovery codes, known only by its hash.</summary>
public sealed class RecoveryCode
{
    private DateTimeOffset? _usedAt;

    public required Guid UserId { get; init; }

    public required string CodeHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UsedAt { get => _usedAt; init => _usedAt = value; }

    /// <summary>Burns the code: it works once, a used one never again.</summary>
    public bool TryUse(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            return false;
        }

        _usedAt = now;
        return true;
    }
}

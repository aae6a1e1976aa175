namespace AuthService.Domain.ApiKeys;

/// <summary>
/// A long-lived credential, of one of two kinds. A user's key stands for its owner
/// (<see cref="UserId"/>) with the scopes they chose. A service key belongs to no account (so
/// disabling the admin who issued it does not cut a service off), carries the one scope
/// <see cref="IntrospectScope"/>, is issued only through the admin API and, when
/// <see cref="Service"/> is set, may meter that one service only.
/// </summary>
public sealed class ApiKey
{
    public const string IntrospectScope = "introspect";

    /// <summary>last_used_at is a hint for the owner, not an audit trail: one write a minute per key at most.</summary>
    public static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _revokedAt;
    private DateTimeOffset? _lastUsedAt;

    public required Guid Id { get; init; }

    /// <summary>The owner of a user's key; null for a service key.</summary>
    public Guid? UserId { get; init; }

    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required string KeyHash { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>A service key's one service, or null for any; always null for a user's key.</summary>
    public string? Service { get; init; }

    /// <summary>The admin who issued a service key (null from the command line or for a user's key).</summary>
    public Guid? CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get => _revokedAt; init => _revokedAt = value; }

    public DateTimeOffset? LastUsedAt { get => _lastUsedAt; init => _lastUsedAt = value; }

    public ApiKeyKind Kind => UserId is null ? ApiKeyKind.Service : ApiKeyKind.User;

    public static ApiKey ForUser(
        Guid id, Guid userId, string name, string prefix, string keyHash, IReadOnlyList<string> scopes, DateTimeOffset now, DateTimeOffset? expiresAt) =>
        new()
        {
            Id = id,
            UserId = userId,
            Name = name,
            Prefix = prefix,
            KeyHash = keyHash,
            Scopes = scopes,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };

    public static ApiKey ForService(
        Guid id, string name, string? service, Guid? createdBy, string prefix, string keyHash, DateTimeOffset now, DateTimeOffset? expiresAt) =>
        new()
        {
            Id = id,
            Name = name,
            Service = service,
            CreatedBy = createdBy,
            Prefix = prefix,
            KeyHash = keyHash,
            Scopes = [IntrospectScope],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Someone else's key and a service key answer as unknown to a user: no probing for ids.</summary>
    public bool BelongsTo(Guid userId) => UserId == userId;

    /// <summary>A service key bound to a service meters only that one; an unbound key any.</summary>
    public bool MayMeter(string service) => Service is null || string.Equals(Service, service, StringComparison.Ordinal);

    /// <summary>Revokes the key; false when it already was. Expired keys may still be revoked (they are still listed).</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (_revokedAt is not null)
        {
            return false;
        }

        _revokedAt = now;
        return true;
    }

    /// <summary>Notes a use; true when it is to be written (last_used_at unset or at least <see cref="UseRecordInterval"/> old).</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (_lastUsedAt is { } last && last > now - UseRecordInterval)
        {
            return false;
        }

        _lastUsedAt = now;
        return true;
    }
}

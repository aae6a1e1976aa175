using AuthService.Domain.ApiKeys;

namespace AuthService.Adapters.Postgres.ApiKeys;

/// <summary>An <c>api_keys</c> row as Dapper reads it; scopes is a text[].</summary>
internal sealed class ApiKeyRow
{
    public const string Columns = """
        id, user_id, name, prefix, key_hash, scopes, created_at, expires_at, revoked_at, last_used_at
        """;

    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string KeyHash { get; init; } = "";
    public string[] Scopes { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    public ApiKey ToApiKey() => new()
    {
        Id = Id,
        UserId = UserId,
        Name = Name,
        Prefix = Prefix,
        KeyHash = KeyHash,
        Scopes = Scopes,
        CreatedAt = CreatedAt,
        ExpiresAt = ExpiresAt,
        RevokedAt = RevokedAt,
        LastUsedAt = LastUsedAt,
    };
}

using AuthService.Domain.ApiKeys;

namespace AuthService.Adapters.Postgres.ApiKeys;

/// <summary>An <c>api_keys</c> row (either kind) as Dapper reads it; scopes is a text[].</summary>
internal sealed class ApiKeyRow
{
    public const string Columns = """
        id, user_id, name, prefix, key_hash, scopes, service, created_at, created_by, expires_at, revoked_at, last_used_at
        """;

    public Guid Id { get; init; }
    public Guid? UserId { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string KeyHash { get; init; } = "";
    public string[] Scopes { get; init; } = [];
    public string? Service { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>The kind column's value: the entity's kind follows from whether it has an owner.</summary>
    public static string KindText(ApiKeyKind kind) => kind == ApiKeyKind.Service ? "service" : "user";

    /// <summary>The parameters of an INSERT of <paramref name="key"/>.</summary>
    public static object InsertArgs(ApiKey key) => new
    {
        key.Id,
        Kind = KindText(key.Kind),
        key.UserId,
        key.Name,
        key.Prefix,
        key.KeyHash,
        Scopes = key.Scopes.ToArray(),
        key.Service,
        key.CreatedAt,
        key.CreatedBy,
        key.ExpiresAt,
    };

    public ApiKey ToApiKey() => new()
    {
        Id = Id,
        UserId = UserId,
        Name = Name,
        Prefix = Prefix,
        KeyHash = KeyHash,
        Scopes = Scopes,
        Service = Service,
        CreatedAt = CreatedAt,
        CreatedBy = CreatedBy,
        ExpiresAt = ExpiresAt,
        RevokedAt = RevokedAt,
        LastUsedAt = LastUsedAt,
    };
}

using AuthService.Domain.ApiKeys;

namespace AuthService.Adapters.Postgres.ServiceKeys;

/// <summary>A <c>service_keys</c> row as Dapper reads it.</summary>
internal sealed class ServiceKeyRow
{
    public const string Columns = """
        id, name, service, prefix, key_hash, created_at, created_by, expires_at, revoked_at, last_used_at
        """;

    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? Service { get; init; }
    public string Prefix { get; init; } = "";
    public string KeyHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    public ServiceKey ToServiceKey() => new()
    {
        Id = Id,
        Name = Name,
        Service = Service,
        Prefix = Prefix,
        KeyHash = KeyHash,
        CreatedAt = CreatedAt,
        CreatedBy = CreatedBy,
        ExpiresAt = ExpiresAt,
        RevokedAt = RevokedAt,
        LastUsedAt = LastUsedAt,
    };
}

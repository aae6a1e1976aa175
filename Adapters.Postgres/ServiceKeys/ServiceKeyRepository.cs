using AuthService.Adapters.Postgres.Connection;
using AuthService.Application.ServiceKeys;
using AuthService.Domain.ApiKeys;
using Dapper;

namespace AuthService.Adapters.Postgres.ServiceKeys;

internal sealed class ServiceKeyRepository(UnitOfWork uow) : IServiceKeyRepository
{
    // Prefixes are 8 random characters; the cap only bounds the HMAC comparisons of a collision.
    private const int MaxPrefixMatches = 4;

    public async Task AddAsync(ServiceKey key, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO service_keys (id, name, service, prefix, key_hash, created_at, created_by, expires_at)
            VALUES (@Id, @Name, @Service, @Prefix, @KeyHash, @CreatedAt, @CreatedBy, @ExpiresAt)
            """;
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { key.Id, key.Name, key.Service, key.Prefix, key.KeyHash, key.CreatedAt, key.CreatedBy, key.ExpiresAt },
            db.Transaction,
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ServiceKey>> ListUnrevokedAsync(CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ServiceKeyRow.Columns} FROM service_keys
            WHERE revoked_at IS NULL
            ORDER BY created_at DESC, id DESC
            """;
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<ServiceKeyRow>(new CommandDefinition(Sql, null, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToServiceKey())];
    }

    public async Task<bool> RevokeAsync(Guid keyId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE service_keys SET revoked_at = @now WHERE id = @keyId AND revoked_at IS NULL";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { keyId, now }, db.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<ServiceKey>> FindByPrefixAsync(string prefix, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ServiceKeyRow.Columns} FROM service_keys
            WHERE prefix = @prefix
            ORDER BY created_at DESC
            LIMIT @limit
            """;
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<ServiceKeyRow>(
            new CommandDefinition(Sql, new { prefix, limit = MaxPrefixMatches }, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToServiceKey())];
    }

    public async Task TouchLastUsedAsync(Guid keyId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct)
    {
        // Conditional, so concurrent uses of one key within the minute write once at most.
        const string Sql = """
            UPDATE service_keys SET last_used_at = @now
            WHERE id = @keyId AND (last_used_at IS NULL OR last_used_at < @notBefore)
            """;
        var db = await uow.StatementAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { keyId, now, notBefore }, db.Transaction, cancellationToken: ct));
    }
}

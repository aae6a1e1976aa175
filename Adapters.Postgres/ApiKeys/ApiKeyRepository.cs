using AuthService.Adapters.Postgres.Connection;
using AuthService.Application.ApiKeys;
using AuthService.Domain.ApiKeys;
using Dapper;

namespace AuthService.Adapters.Postgres.ApiKeys;

internal sealed class ApiKeyRepository(UnitOfWork uow) : IApiKeyRepository
{
    // A prefix is 8 random characters, so it is practically unique; the cap only bounds the
    // HMAC comparisons an (astronomically unlikely) collision could cost.
    private const int MaxPrefixMatches = 4;

    public async Task<bool> AddWithinCapAsync(ApiKey key, int maxActive, DateTimeOffset now, CancellationToken ct)
    {
        // Count-then-insert would race: two requests could both see 49 keys. Locking the owner's
        // row first serialises key creation per user; the INSERT is a separate statement so that,
        // under READ COMMITTED, its count sees every key committed before the lock was granted.
        // NO KEY UPDATE does not block the KEY SHARE locks that foreign keys to users take.
        const string LockSql = "SELECT 1 FROM users WHERE id = @UserId FOR NO KEY UPDATE";
        const string InsertSql = """
            INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at)
            SELECT @Id, @UserId, @Name, @Prefix, @KeyHash, @Scopes, @CreatedAt, @ExpiresAt
            WHERE (SELECT count(*) FROM api_keys
                   WHERE user_id = @UserId AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)) < @maxActive
            """;
        var args = new
        {
            key.Id,
            key.UserId,
            key.Name,
            key.Prefix,
            key.KeyHash,
            Scopes = key.Scopes.ToArray(),
            key.CreatedAt,
            key.ExpiresAt,
            now,
            maxActive,
        };
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(LockSql, new { key.UserId }, db.Transaction, cancellationToken: ct));
        var inserted = await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: ct));
        return inserted == 1;
    }

    public async Task<IReadOnlyList<ApiKey>> ListUnrevokedForUserAsync(Guid userId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ApiKeyRow.Columns} FROM api_keys
            WHERE user_id = @userId AND revoked_at IS NULL
            ORDER BY created_at DESC, id DESC
            """;
        var db = await uow.EnlistAsync(ct);
        var rows = await db.Connection.QueryAsync<ApiKeyRow>(
            new CommandDefinition(Sql, new { userId }, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToApiKey())];
    }

    public async Task<bool> RevokeAsync(Guid keyId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE api_keys SET revoked_at = @now
            WHERE id = @keyId AND user_id = @userId AND revoked_at IS NULL
            """;
        var db = await uow.EnlistAsync(ct);
        var affected = await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { keyId, userId, now }, db.Transaction, cancellationToken: ct));
        return affected == 1;
    }

    public async Task<int> RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE api_keys SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { userId, now }, db.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ApiKey>> FindByPrefixAsync(string prefix, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ApiKeyRow.Columns} FROM api_keys
            WHERE prefix = @prefix
            ORDER BY created_at DESC
            LIMIT @limit
            """;
        var db = await uow.EnlistAsync(ct);
        var rows = await db.Connection.QueryAsync<ApiKeyRow>(
            new CommandDefinition(Sql, new { prefix, limit = MaxPrefixMatches }, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToApiKey())];
    }

    public async Task TouchLastUsedAsync(Guid keyId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct)
    {
        // Conditional, so concurrent uses of one key within the minute write once at most.
        const string Sql = """
            UPDATE api_keys SET last_used_at = @now
            WHERE id = @keyId AND (last_used_at IS NULL OR last_used_at < @notBefore)
            """;
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { keyId, now, notBefore }, db.Transaction, cancellationToken: ct));
    }
}

using AuthService.Application.ApiKeys;
using AuthService.Domain.ApiKeys;

namespace AuthService.Adapters.Postgres.ApiKeys;

/// <summary>Users' keys (kind 'user', with user_id) and service keys (kind 'service', no owner) in one table.</summary>
internal sealed class ApiKeyRepository(UnitOfWork uow) : IApiKeyRepository
{
    // A prefix is 8 random characters, so it is practically unique; the cap only bounds the
    // HMAC comparisons an (astronomically unlikely) collision could cost.
    private const int MaxPrefixMatches = 4;

    private const string InsertColumns = "id, kind, user_id, name, prefix, key_hash, scopes, service, created_at, created_by, expires_at";
    private const string InsertValues = "@Id, @Kind, @UserId, @Name, @Prefix, @KeyHash, @Scopes, @Service, @CreatedAt, @CreatedBy, @ExpiresAt";

    public async Task<bool> AddWithinCapAsync(ApiKey key, int maxActive, DateTimeOffset now, CancellationToken ct)
    {
        // Count-then-insert would race: two requests could both see 49 keys. Locking the owner's
        // row first serialises key creation per user; the INSERT is a separate statement so that,
        // under READ COMMITTED, its count sees every key committed before the lock was granted.
        // NO KEY UPDATE does not block the KEY SHARE locks that foreign keys to users take.
        const string LockSql = "SELECT 1 FROM users WHERE id = @UserId FOR NO KEY UPDATE";
        const string InsertSql = $"""
            INSERT INTO api_keys ({InsertColumns})
            SELECT {InsertValues}
            WHERE (SELECT count(*) FROM api_keys
                   WHERE user_id = @UserId AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)) < @maxActive
            """;
        var args = new DynamicParameters(ApiKeyRow.InsertArgs(key));
        args.AddDynamicParams(new { now, maxActive });
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(LockSql, new { key.UserId }, db.Transaction, cancellationToken: ct));
        var inserted = await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: ct));
        return inserted == 1;
    }

    public async Task AddAsync(ApiKey key, CancellationToken ct)
    {
        const string Sql = $"INSERT INTO api_keys ({InsertColumns}) VALUES ({InsertValues})";
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, ApiKeyRow.InsertArgs(key), db.Transaction, cancellationToken: ct));
    }

    public Task<IReadOnlyList<ApiKey>> ListUnrevokedForUserAsync(Guid userId, CancellationToken ct) =>
        QueryAsync($"""
            SELECT {ApiKeyRow.Columns} FROM api_keys
            WHERE user_id = @userId AND revoked_at IS NULL
            ORDER BY created_at DESC, id DESC
            """, new { userId }, ct);

    public Task<IReadOnlyList<ApiKey>> ListUnrevokedServiceKeysAsync(CancellationToken ct) =>
        QueryAsync($"""
            SELECT {ApiKeyRow.Columns} FROM api_keys
            WHERE kind = 'service' AND revoked_at IS NULL
            ORDER BY created_at DESC, id DESC
            """, null, ct);

    public async Task<ApiKey?> FindAsync(Guid keyId, CancellationToken ct) =>
        (await QueryAsync($"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE id = @keyId", new { keyId }, ct)).SingleOrDefault();

    public Task<IReadOnlyList<ApiKey>> FindByPrefixAsync(string prefix, CancellationToken ct) =>
        QueryAsync($"""
            SELECT {ApiKeyRow.Columns} FROM api_keys
            WHERE prefix = @prefix
            ORDER BY created_at DESC
            LIMIT @limit
            """, new { prefix, limit = MaxPrefixMatches }, ct);

    public async Task<bool> SaveRevocationAsync(ApiKey key, CancellationToken ct)
    {
        // Mirrors ApiKey.Revoke: a key already revoked (by a concurrent request) is not revoked again.
        const string Sql = "UPDATE api_keys SET revoked_at = @RevokedAt WHERE id = @Id AND revoked_at IS NULL";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { key.Id, key.RevokedAt }, db.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<int> RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        // Mirrors ApiKey.Revoke for each of the user's keys not revoked yet.
        const string Sql = "UPDATE api_keys SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { userId, now }, db.Transaction, cancellationToken: ct));
    }

    public async Task TouchLastUsedAsync(Guid keyId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct)
    {
        // Mirrors ApiKey.RecordUse, conditional so concurrent uses of one key within the minute
        // write once at most; one autocommit statement, as introspection makes it on its hot path.
        const string Sql = """
            UPDATE api_keys SET last_used_at = @now
            WHERE id = @keyId AND (last_used_at IS NULL OR last_used_at <= @notBefore)
            """;
        var db = await uow.StatementAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { keyId, now, notBefore }, db.Transaction, cancellationToken: ct));
    }

    private async Task<IReadOnlyList<ApiKey>> QueryAsync(string sql, object? args, CancellationToken ct)
    {
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<ApiKeyRow>(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToApiKey())];
    }
}

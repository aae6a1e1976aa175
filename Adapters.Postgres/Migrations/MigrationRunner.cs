using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>
/// Applies migration files in version order, each in its own transaction together with its
/// <c>schema_migrations</c> row, under a session advisory lock so that instances starting
/// together apply each file once. An applied file whose content changed stops the run.
/// </summary>
internal sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Any constant works as long as every instance uses the same one.
    private const long LockKey = 0x4175_7468_4D69_6772; // "AuthMigr"

    /// <summary>Returns how many files were applied by this call.</summary>
    public async Task<int> RunAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await LockAsync(connection, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateHistorySql, cancellationToken: ct));
            var applied = await AppliedAsync(connection, ct);
            var count = 0;
            foreach (var script in scripts)
            {
                if (applied.TryGetValue(script.Version, out var previous))
                {
                    EnsureUnchanged(script, previous);
                    continue;
                }

                await ApplyAsync(connection, script, ct);
                count++;
            }

            var unknown = applied.Keys.Except(scripts.Select(s => s.Version)).Order().ToList();
            if (unknown.Count > 0)
            {
                logger.LogWarning(
                    "The database has migrations this build does not know: {Versions}", string.Join(", ", unknown));
            }

            logger.LogInformation("Database schema is up to date: {Applied} migration(s) applied now", count);
            return count;
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    bigint PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private async Task LockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string TryLockSql = "SELECT pg_try_advisory_lock(@key)";
        const string LockSql = "SELECT pg_advisory_lock(@key)";
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(TryLockSql, new { key = LockKey }, cancellationToken: ct)))
        {
            return;
        }

        logger.LogInformation("Another instance is migrating the database; waiting for it");
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { key = LockKey }, commandTimeout: 0, cancellationToken: ct));
    }

    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        const string Sql = "SELECT pg_advisory_unlock(@key)";
        try
        {
            // Not cancellable on purpose: the lock must go even when the run was cancelled.
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { key = LockKey }, cancellationToken: CancellationToken.None));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone, and with it the session's lock; the original error matters more.
        }
    }

    private static async Task<Dictionary<long, AppliedMigration>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string Sql = "SELECT version, name, checksum, applied_at FROM schema_migrations";
        var rows = await connection.QueryAsync<AppliedMigration>(new CommandDefinition(Sql, cancellationToken: ct));
        return rows.ToDictionary(r => r.Version);
    }

    private static void EnsureUnchanged(MigrationScript script, AppliedMigration previous)
    {
        if (previous.Checksum != script.Checksum)
        {
            throw new MigrationChangedException(
                $"Migration {script.Name} was changed after it was applied as {previous.Name} on {previous.AppliedAt:u} " +
                $"(checksum {previous.Checksum[..12]}... in schema_migrations, {script.Checksum[..12]}... now). " +
                "Applied migrations are never edited: restore the file and put the change in a new migration.");
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken ct)
    {
        const string RecordSql = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)";
        logger.LogInformation("Applying migration {Name}", script.Name);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: ct));
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"Migration {script.Name} failed: {e.MessageText}", e);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            RecordSql, new { script.Version, script.Name, script.Checksum }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    private sealed class AppliedMigration
    {
        public long Version { get; init; }
        public string Name { get; init; } = "";
        public string Checksum { get; init; } = "";
        public DateTimeOffset AppliedAt { get; init; }
    }
}

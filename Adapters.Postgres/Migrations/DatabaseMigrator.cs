using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>
/// Runs the migrations of the <c>migrations/</c> project with FluentMigrator. FluentMigrator
/// takes no lock of its own (two instances starting at once crash on <c>VersionInfo</c>), so a
/// session-level advisory lock, held on a connection of its own, surrounds the whole run: the
/// second instance waits, then finds nothing left to do.
/// </summary>
internal sealed class DatabaseMigrator(NpgsqlDataSource dataSource, MigrationSet migrations, ILogger<DatabaseMigrator> logger)
{
    // Any constant works as long as every instance uses the same one (the former runner used it too).
    private const long LockKey = 0x4175_7468_4D69_6772; // "AuthMigr"

    /// <summary>Applies what is pending and returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<long>> MigrateAsync(CancellationToken ct)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        await LockAsync(lockConnection, ct);
        try
        {
            var adopted = await LegacyHistory.AdoptAsync(lockConnection, ct);
            if (adopted > 0)
            {
                logger.LogInformation("Adopted {Count} migration(s) recorded in schema_migrations by the former runner", adopted);
            }

            var applied = await LegacyHistory.AppliedAsync(lockConnection, ct);
            var pending = migrations.Known().Where(m => !applied.ContainsKey(m.Version)).ToList();
            foreach (var migration in pending)
            {
                logger.LogInformation("Applying migration {Version} {Description}", migration.Version, migration.Description);
            }

            // FluentMigrator's API is synchronous; the lock above is what makes it safe from several instances.
            await Task.Run(migrations.MigrateUp, ct);
            logger.LogInformation("Database schema is up to date: {Applied} migration(s) applied now", pending.Count);
            return pending.Select(m => m.Version).ToList();
        }
        finally
        {
            await UnlockAsync(lockConnection);
        }
    }

    /// <summary>Every migration this build knows, and whether the database has it; writes nothing.</summary>
    public async Task<IReadOnlyList<MigrationStatus>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var applied = await LegacyHistory.AppliedAsync(connection, ct);
        return migrations.Known()
            .Select(m => new MigrationStatus(m.Version, m.Description, applied.TryGetValue(m.Version, out var at), at))
            .ToList();
    }

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
}

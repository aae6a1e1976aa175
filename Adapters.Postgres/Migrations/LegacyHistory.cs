namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>
/// FluentMigrator's history table, <c>"VersionInfo"</c>, and the one the former hand-written
/// runner kept, <c>schema_migrations</c>. A database migrated by the former runner is adopted:
/// its versions are copied into VersionInfo, so nothing runs twice.
/// </summary>
internal static class LegacyHistory
{
    // FluentMigrator's default version table, exactly as it creates it on PostgreSQL (it checks
    // the table, the index and both columns, finds them, and creates nothing more).
    private const string CreateVersionInfoSql = """
        CREATE TABLE IF NOT EXISTS "VersionInfo" ("Version" bigint NOT NULL, "AppliedOn" timestamp, "Description" varchar(1024));
        CREATE UNIQUE INDEX IF NOT EXISTS "UC_Version" ON "VersionInfo" ("Version");
        """;

    private const string AdoptSql = """
        INSERT INTO "VersionInfo" ("Version", "AppliedOn", "Description")
        SELECT s.version, s.applied_at AT TIME ZONE 'UTC', s.name
        FROM schema_migrations s
        WHERE NOT EXISTS (SELECT 1 FROM "VersionInfo" v WHERE v."Version" = s.version)
        """;

    /// <summary>Copies the former runner's versions into VersionInfo; returns how many it copied. Run under the migration lock.</summary>
    public static async Task<int> AdoptAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (!await ExistsAsync(connection, "schema_migrations", ct))
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(CreateVersionInfoSql, transaction: transaction, cancellationToken: ct));
        var adopted = await connection.ExecuteAsync(new CommandDefinition(AdoptSql, transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return adopted;
    }

    /// <summary>The versions the database has, from VersionInfo and (not yet adopted) schema_migrations, with when they ran (UTC).</summary>
    public static async Task<Dictionary<long, DateTime?>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<long, DateTime?>();
        if (await ExistsAsync(connection, "schema_migrations", ct))
        {
            const string Sql = "SELECT version, applied_at AT TIME ZONE 'UTC' AS applied_on FROM schema_migrations";
            foreach (var (version, on) in await connection.QueryAsync<(long, DateTime?)>(new CommandDefinition(Sql, cancellationToken: ct)))
            {
                applied[version] = on;
            }
        }

        if (await ExistsAsync(connection, "\"VersionInfo\"", ct))
        {
            const string Sql = """SELECT "Version", "AppliedOn" FROM "VersionInfo" """;
            foreach (var (version, on) in await connection.QueryAsync<(long, DateTime?)>(new CommandDefinition(Sql, cancellationToken: ct)))
            {
                applied[version] = on;
            }
        }

        return applied;
    }

    private static Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass(@table) IS NOT NULL", new { table }, cancellationToken: ct));
}

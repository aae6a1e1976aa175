using AuthService.Adapters.Postgres;
using AuthService.Adapters.Postgres.Migrations;
using AuthService.Migrations;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthService.Integration.Tests.Postgres;

public sealed class MigrationTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly IReadOnlyList<long> Product = MigrationSet.ForProduct("").Known().Select(m => m.Version).ToList();

    [Fact]
    public async Task Migrate_RunTwice_AppliesNothingTheSecondTime()
    {
        var applied = await fixture.Services.MigrateDatabaseAsync(CancellationToken.None);

        Assert.Empty(applied);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        var versions = await connection.QueryAsync<long>("""SELECT "Version" FROM "VersionInfo" ORDER BY 1""");
        Assert.Equal(Product, versions);
        Assert.Contains(1L, versions);
    }

    [Fact]
    public async Task Migrate_TwoInstancesRacing_BothSucceed_OnAnEmptyAndOnACurrentDatabase()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        await using var first = PostgresFixture.BuildServices(databaseUrl);
        await using var second = PostgresFixture.BuildServices(databaseUrl);

        var onEmpty = await Race(first, second);
        var onCurrent = await Race(first, second);

        Assert.Equal(Product, onEmpty.SelectMany(v => v).Order());
        Assert.All(onCurrent, Assert.Empty);
        await using var connection = new NpgsqlConnection(databaseUrl);
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM plans"));
    }

    [Fact]
    public async Task Migrate_DatabaseOfTheFormerRunner_IsAdoptedWithoutRunningAnythingTwice()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(databaseUrl))
        {
            // What the hand-written runner left: the first three files applied and recorded.
            await connection.ExecuteAsync(FormerHistorySql);
            foreach (var (version, name) in new[] { (1, "0001_init.sql"), (2, "0002_api_keys_quotas.sql"), (3, "0003_login_lockout.sql") })
            {
                await connection.ExecuteAsync(SqlScriptMigration.Read(name));
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, 'x')", new { version, name });
            }

            await connection.ExecuteAsync("DELETE FROM plans WHERE code = 'anonym'");
        }

        await using var services = PostgresFixture.BuildServices(databaseUrl);
        var listed = await services.ListMigrationsAsync(CancellationToken.None);
        var applied = await services.MigrateDatabaseAsync(CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], listed.Where(m => m.Applied).Select(m => m.Version));
        Assert.Equal(Product.Where(v => v > 3), applied);
        await using var check = new NpgsqlConnection(databaseUrl);
        Assert.Equal(Product, await check.QueryAsync<long>("""SELECT "Version" FROM "VersionInfo" ORDER BY 1"""));
        // 0001 would have put the deleted plan back had it run again.
        Assert.Equal(3, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM plans"));
        Assert.Empty(await services.MigrateDatabaseAsync(CancellationToken.None));
    }

    [Fact]
    public async Task List_ShowsAppliedAndPending_AndWritesNothing()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        await using var services = PostgresFixture.BuildServices(databaseUrl);

        var before = await services.ListMigrationsAsync(CancellationToken.None);
        await services.MigrateDatabaseAsync(CancellationToken.None);
        var after = await services.ListMigrationsAsync(CancellationToken.None);

        Assert.Equal(Product, before.Select(m => m.Version));
        Assert.All(before, m => Assert.False(m.Applied));
        Assert.All(after, m => Assert.True(m.Applied));
        Assert.Equal("init", after[0].Description);
    }

    [Fact]
    public async Task Migrate_FailingMigration_RollsBackThatMigrationOnly()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        await using var services = PostgresFixture.BuildServices(databaseUrl);
        var set = new MigrationSet(databaseUrl, typeof(FailingMigrations.M0001Ok).Assembly, typeof(FailingMigrations.M0001Ok).Namespace!);
        var migrator = new DatabaseMigrator(services.GetRequiredService<NpgsqlDataSource>(), set, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(databaseUrl);
        Assert.Equal([1L], await connection.QueryAsync<long>("""SELECT "Version" FROM "VersionInfo" """));
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('ok') IS NOT NULL"));
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('half') IS NOT NULL"));
        // The advisory lock went with the failure: a second run gets it and fails the same way instead of waiting.
        var again = await Assert.ThrowsAnyAsync<Exception>(() => migrator.MigrateAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("missing_table", again.Message, StringComparison.Ordinal);
        Assert.Equal([1L], await connection.QueryAsync<long>("""SELECT "Version" FROM "VersionInfo" """));
    }

    [Fact]
    public void EverySqlFile_IsRunByExactlyOneMigration_NamedAfterItsVersion()
    {
        var assembly = typeof(SqlScriptMigration).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order();
        var run = assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SqlScriptMigration)) && !t.IsAbstract)
            .Select(t => ((SqlScriptMigration)Activator.CreateInstance(t)!).FileName)
            .Order();

        Assert.Equal(files, run);
        Assert.Equal(Product.Count, run.Count());
    }

    private static Task<IReadOnlyList<long>[]> Race(IServiceProvider first, IServiceProvider second) =>
        Task.WhenAll(
            Task.Run(() => first.MigrateDatabaseAsync(CancellationToken.None)),
            Task.Run(() => second.MigrateDatabaseAsync(CancellationToken.None)));

    /// <summary>The former runner's history table (shared with the key store's migration test).</summary>
    internal const string FormerHistorySql = """
        CREATE TABLE schema_migrations (
            version    bigint PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;
}

using AuthService.Adapters.Postgres;
using AuthService.Adapters.Postgres.Migrations;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AuthService.Integration.Tests.Postgres;

public sealed class MigrationRunnerTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrate_RunTwice_AppliesNothingTheSecondTime()
    {
        var applied = await fixture.Services.MigrateDatabaseAsync(CancellationToken.None);

        Assert.Equal(0, applied);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        var rows = (await connection.QueryAsync<(long Version, string Name)>(
            "SELECT version, name FROM schema_migrations ORDER BY version")).ToList();
        Assert.Contains((1L, "0001_init.sql"), rows);
        Assert.Equal(MigrationScript.FromEmbeddedResources().Count, rows.Count);
    }

    [Fact]
    public async Task Migrate_AppliedFileChanged_FailsNamingTheFile()
    {
        var original = MigrationScript.FromEmbeddedResources()[0];
        var edited = MigrationScript.Create(original.Name, original.Sql + "\nCREATE TABLE sneaky (id int);\n");
        var runner = fixture.Services.GetRequiredService<MigrationRunner>();

        var error = await Assert.ThrowsAsync<MigrationChangedException>(() => runner.RunAsync([edited], CancellationToken.None));

        Assert.Contains("0001_init.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("new migration", error.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('sneaky') IS NOT NULL"));
    }

    [Fact]
    public async Task Migrate_LineEndingsChanged_IsNotAChange()
    {
        var original = MigrationScript.FromEmbeddedResources()[0];
        var crlf = MigrationScript.Create(original.Name, "\uFEFF" + original.Sql.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(original.Checksum, crlf.Checksum);
        Assert.Equal(0, await fixture.Services.GetRequiredService<MigrationRunner>().RunAsync([crlf], CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_FromDirectory_AppliesNewFilesInOrderOnce()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("migrations-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "0002_second.sql"), "INSERT INTO first (id) VALUES (2);");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "0001_first.sql"), "CREATE TABLE first (id int); INSERT INTO first VALUES (1);");
            await using var services = PostgresFixture.BuildServices(databaseUrl, directory.FullName);

            Assert.Equal(2, await services.MigrateDatabaseAsync(CancellationToken.None));
            Assert.Equal(0, await services.MigrateDatabaseAsync(CancellationToken.None));

            await using var connection = new NpgsqlConnection(databaseUrl);
            Assert.Equal([1, 2], await connection.QueryAsync<int>("SELECT id FROM first ORDER BY id"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_FailingFile_RollsBackThatFileOnly()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        await using var services = PostgresFixture.BuildServices(databaseUrl);
        var runner = services.GetRequiredService<MigrationRunner>();
        MigrationScript[] scripts =
        [
            MigrationScript.Create("0001_ok.sql", "CREATE TABLE ok (id int);"),
            MigrationScript.Create("0002_broken.sql", "CREATE TABLE half (id int); SELECT id FROM missing_table;"),
        ];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(scripts, CancellationToken.None));

        Assert.Contains("0002_broken.sql", error.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(databaseUrl);
        Assert.Equal([1L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations"));
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('half') IS NOT NULL"));
    }

    [Fact]
    public async Task Migrate_ConcurrentRunners_ApplyEachFileOnce()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        await using var services = PostgresFixture.BuildServices(databaseUrl);

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => services.MigrateDatabaseAsync(CancellationToken.None))));

        Assert.Equal(MigrationScript.FromEmbeddedResources().Count, counts.Sum());
        await using var connection = new NpgsqlConnection(databaseUrl);
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM plans"));
    }

    [Fact]
    public void Scripts_BadFileName_IsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationScript.Create("init.sql", "SELECT 1"));

        Assert.Contains("NNNN_description.sql", error.Message, StringComparison.Ordinal);
    }
}

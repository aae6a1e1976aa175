using AuthService.Adapters.Postgres.Connection;
using Dapper;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>An empty database (and a keys folder) for service processes a test starts and stops itself.</summary>
public sealed class ProcessDatabase : IAsyncLifetime
{
    private readonly string _name = "proc_" + Guid.NewGuid().ToString("N");
    private NpgsqlConnectionStringBuilder? _server;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server!.ConnectionString) { Database = _name }.ConnectionString;

    public string KeysDir { get; } = Path.Combine(Path.GetTempPath(), "authservice-proc-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _server = DatabaseUrl.Parse(TestServices.DatabaseUrl);
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"CREATE DATABASE \"{_name}\"");
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public async Task DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server!.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }

        if (Directory.Exists(KeysDir))
        {
            Directory.Delete(KeysDir, recursive: true);
        }
    }
}

using AuthService.Adapters.Postgres;
using AuthService.Adapters.Postgres.Connection;
using AuthService.Application.Abstractions;
using Dapper;
using Microsoft.Extensions.Configuration;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>
/// A fresh, migrated database per test class on the server named by TEST_DATABASE_URL (a
/// superuser URL; ./test.sh sets it), dropped afterwards. Without it every test fails: CI always
/// has a database, so a silent skip would only hide a broken setup.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "TEST_DATABASE_URL";

    private readonly List<string> _databases = [];
    private NpgsqlConnectionStringBuilder? _server;
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL tests need a superuser URL such as " +
                "postgresql://postgres@127.0.0.1:5434/postgres; ./test.sh starts a server and sets it.");
        }

        _server = DatabaseUrl.Parse(url);
        ConnectionString = await CreateDatabaseAsync();
        _services = BuildServices(ConnectionString);
        await _services.MigrateDatabaseAsync(CancellationToken.None);
    }

    /// <summary>An empty database on the same server, dropped with the fixture.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_server!.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }

        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name }.ConnectionString;
    }

    public static ServiceProvider BuildServices(string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DATABASE:URL"] = connectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddPostgres(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> in a scope of its own (its own unit of work) and commits.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = NewScope();
        var result = await work(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync(async services =>
        {
            await work(services);
            return true;
        });

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_server is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}

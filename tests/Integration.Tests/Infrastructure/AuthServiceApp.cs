using AuthService.Adapters.Postgres.Connection;
using AuthService.Integration.Tests.Adapters;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>
/// The real service on real Kestrel listeners (public and admin, on free loopback ports), over
/// its own freshly migrated database and the shared Redis and mail catcher. One per test class.
/// </summary>
public class AuthServiceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database;
    private readonly bool _ownsDatabase;
    private readonly string _keysDir = Path.Combine(Path.GetTempPath(), "authservice-it-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _inherited = new Dictionary<string, string?>();
    private readonly bool _sharesKeys;
    private NpgsqlConnectionStringBuilder? _server;

    public AuthServiceApp()
        : this((string?)null)
    {
    }

    /// <summary>Another instance of the same deployment as <paramref name="shareWith"/>: its database, signing keys and settings.</summary>
    protected AuthServiceApp(AuthServiceApp shareWith)
        : this(shareWith._database)
    {
        _keysDir = shareWith._keysDir;
        _sharesKeys = true;
        _inherited = shareWith.ExtraSettings;
    }

    /// <summary>A second instance over <paramref name="sharedDatabase"/> (another app's), which it neither creates nor drops.</summary>
    protected AuthServiceApp(string? sharedDatabase)
    {
        _database = sharedDatabase ?? "it_" + Guid.NewGuid().ToString("N");
        _ownsDatabase = sharedDatabase is null;
        PublicPort = LoopbackPorts.Free();
        AdminPort = LoopbackPorts.Free();
        UseKestrel();
    }

    public int PublicPort { get; }

    public int AdminPort { get; }

    public string DatabaseName => _database;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server!.ConnectionString) { Database = _database }.ConnectionString;

    /// <summary>Settings a test class may override (e.g. a short grace window).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>The PostgreSQL server (superuser URL) the app's database is created on; a fault test brings its own.</summary>
    protected virtual Task<string> ServerUrlAsync() => Task.FromResult(TestServices.DatabaseUrl);

    public HttpClient Public() => new() { BaseAddress = new Uri($"http://127.0.0.1:{PublicPort}") };

    public HttpClient Admin() => new() { BaseAddress = new Uri($"http://127.0.0.1:{AdminPort}") };

    public ApiClient Api() => new(Public(), new MailCatcher(TestServices.MaildevUrl));

    public async Task InitializeAsync()
    {
        _server = DatabaseUrl.Parse(await ServerUrlAsync());
        if (!_ownsDatabase)
        {
            StartServer();
            return;
        }

        await using (var connection = new NpgsqlConnection(_server.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        }

        StartServer();
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DATABASE:URL"] = ConnectionString,
            ["DATABASE:MIGRATE_ON_START"] = "true",
            ["REDIS:URL"] = TestServices.RedisUrl,

            // Parallel test classes on a 2-core machine can stall a call past the 250 ms default;
            // then rate limits and cooldowns fail open by design, which is not what these tests check.
            ["REDIS:TIMEOUT_MS"] = "2000",
            ["SMTP:HOST"] = TestServices.SmtpHost,
            ["SMTP:PORT"] = TestServices.SmtpPort,
            ["JWT:SIGNING_KEYS_DIR"] = _keysDir,
            ["RATE_LIMIT:ENABLED"] = "false",
            ["SERVER:PUBLIC_PORT"] = PublicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVER:ADMIN_PORT"] = AdminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _inherited.Concat(ExtraSettings))
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_server is not null && _ownsDatabase)
        {
            // Unpooled: a fault test may have killed the server under the pool's idle connections.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }

        if (!_sharesKeys && Directory.Exists(_keysDir))
        {
            Directory.Delete(_keysDir, recursive: true);
        }

        await AfterDisposeAsync();
    }

    /// <summary>Runs last, after the database is dropped (a fault test stops its own server here).</summary>
    protected virtual ValueTask AfterDisposeAsync() => ValueTask.CompletedTask;
}

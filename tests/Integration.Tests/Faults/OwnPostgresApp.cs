namespace AuthService.Integration.Tests.Faults;

/// <summary>The service over a PostgreSQL of its own, which the test may kill.</summary>
public sealed class OwnPostgresApp : AuthServiceApp
{
    private OwnPostgres? _server;

    public OwnPostgres Postgres => _server ?? throw new InvalidOperationException("Not started.");

    protected override async Task<string> ServerUrlAsync()
    {
        _server = await OwnPostgres.StartAsync();
        return _server.Url;
    }

    protected override async ValueTask AfterDisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

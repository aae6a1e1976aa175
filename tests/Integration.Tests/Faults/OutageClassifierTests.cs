using System.Net.Sockets;
using AuthService.Adapters.Postgres.Connection;

namespace AuthService.Integration.Tests.Faults;

/// <summary>Which PostgreSQL failures are outages (503) and which are not (a bug stays a 500).</summary>
public sealed class OutageClassifierTests
{
    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: the server is stopping
    [InlineData("57P02", true)] // crash_shutdown
    [InlineData("57P03", true)] // cannot_connect_now: starting up, recovering
    [InlineData("53300", true)] // too_many_connections
    [InlineData("08006", true)] // connection_failure
    [InlineData("40001", true)] // serialization_failure
    [InlineData("57014", true)] // statement timeout
    [InlineData("23505", false)] // unique_violation: a bug if it escapes
    [InlineData("42P01", false)] // undefined_table
    [InlineData("22021", false)] // bad bytes: the client's fault, not an outage
    public void ServerErrors_AreOutagesOnlyForConnectionResourceAndShutdownStates(string sqlState, bool outage) =>
        Assert.Equal(outage, PostgresOutageClassifier.IsOutage(sqlState));

    [Fact]
    public async Task NetworkFailures_AreOutages_EvenWrapped()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Timeout=2");
        var classifier = new PostgresOutageClassifier(dataSource);
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());

        Assert.Equal("postgres", classifier.Classify(refused));
        Assert.Equal("postgres", classifier.Classify(new InvalidOperationException("wrapped", refused)));
        Assert.Null(classifier.Classify(new SocketException()));
        Assert.Null(classifier.Classify(new InvalidOperationException("a bug")));
    }
}

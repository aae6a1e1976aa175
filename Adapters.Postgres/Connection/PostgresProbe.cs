namespace AuthService.Adapters.Postgres.Connection;

/// <summary>Readiness: a pooled connection of its own (never the request's unit of work) answering SELECT 1.</summary>
internal sealed class PostgresProbe(NpgsqlDataSource dataSource) : IDependencyProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public string Name => "postgres";

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        const string Sql = "SELECT 1";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = dataSource.CreateCommand(Sql);
            command.CommandTimeout = (int)Timeout.TotalSeconds;
            return await command.ExecuteScalarAsync(timeout.Token) is 1;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}

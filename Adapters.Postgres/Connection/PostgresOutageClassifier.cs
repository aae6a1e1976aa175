namespace AuthService.Adapters.Postgres.Connection;

/// <summary>
/// PostgreSQL failures a client can retry: the server could not be reached or went away
/// (socket errors, timeouts, an exhausted pool: every NpgsqlException that is not a server
/// error), or the server said it is shutting down, starting, out of resources or overloaded.
/// A server error about the statement itself (a constraint, bad data) stays what it is.
/// </summary>
internal sealed class PostgresOutageClassifier(NpgsqlDataSource dataSource) : IOutageClassifier
{
    public const string Name = "postgres";

    public string? Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException server:
                    return IsOutage(server.SqlState) ? Outage(connectionLost: IsConnectionLoss(server.SqlState)) : null;
                case NpgsqlOperationInProgressException:
                    return null;
                case NpgsqlException:
                    return Outage(connectionLost: true);
            }
        }

        return null;
    }

    /// <summary>
    /// Classes 08 (connection), 53 (resources), 57P (shutdown, starting up), 58 (system), a
    /// statement timeout (57014) and the two a retry resolves (40001 serialization, 40P01 deadlock).
    /// </summary>
    public static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal)
        || sqlState is "57014" or "40001" or "40P01" or "55P03";

    private static bool IsConnectionLoss(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal);

    private string Outage(bool connectionLost)
    {
        // A lost connection usually means a restart: every idle connection in the pool is dead
        // too, and each would fail one more request. Dropping them at once lets the pool recover
        // as soon as the server answers again.
        if (connectionLost)
        {
            dataSource.Clear();
        }

        return Name;
    }
}

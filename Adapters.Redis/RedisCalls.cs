using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Every Redis call goes through here. The client bounds each call by <c>REDIS__TIMEOUT_MS</c>
/// (its AsyncTimeout) and fails it at once while disconnected (BacklogPolicy.FailFast); a
/// timeout, a lost connection or a server error all mean "Redis could not answer", and the
/// caller degrades (PostgreSQL fallback, fail-open limits) instead of failing the request.
/// </summary>
internal sealed class RedisCalls(RedisConnection connection, IOptions<RedisOptions> options, ILogger<RedisCalls> logger)
{
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(options.Value.TimeoutMs);
    private int _unavailable;

    /// <summary>Runs <paramref name="call"/>; Ok is false when Redis could not answer in time.</summary>
    public async Task<(bool Ok, T Value)> TryAsync<TState, T>(
        string operation, TState state, Func<IDatabase, TState, Task<T>> call, CancellationToken ct)
    {
        try
        {
            // Only the first connection attempt is waited for, and no longer than a call may take.
            var connecting = connection.GetAsync();
            var multiplexer = connecting.IsCompletedSuccessfully ? connecting.Result : await connecting.WaitAsync(_timeout, ct);
            var value = await call(multiplexer.GetDatabase(connection.Database), state);
            Available();
            return (true, value);
        }
        catch (Exception e) when (e is TimeoutException or RedisException or ObjectDisposedException)
        {
            return Unavailable<T>(operation, e is TimeoutException ? "timed out" : e.GetType().Name);
        }
    }

    private (bool, T) Unavailable<T>(string operation, string reason)
    {
        // Log the transition, not every failed call: during an outage every request would log.
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            logger.LogWarning("Redis unavailable ({Reason}) during {Operation}; degrading until it answers again", reason, operation);
        }

        return (false, default!);
    }

    private void Available()
    {
        if (Volatile.Read(ref _unavailable) == 1 && Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            logger.LogInformation("Redis answers again");
        }
    }
}

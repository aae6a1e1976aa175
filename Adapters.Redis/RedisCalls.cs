using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Every Redis call goes through here. StackExchange.Redis 1.2.6's async calls never time out
/// when the server hangs, so each call gets our own deadline; a timeout, a lost connection or a
/// server error all mean "Redis could not answer" and the caller degrades (PostgreSQL fallback,
/// fail-open limits) instead of failing the request.
/// </summary>
internal sealed class RedisCalls(RedisConnection connection, IOptions<RedisOptions> options, ILogger<RedisCalls> logger)
{
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(options.Value.TimeoutMs);
    private int _unavailable;

    public TimeSpan Timeout => _timeout;

    /// <summary>Runs <paramref name="call"/> within the timeout; Ok is false when Redis could not answer.</summary>
    public async Task<(bool Ok, T Value)> TryAsync<TState, T>(
        string operation, TState state, Func<IDatabase, TState, Task<T>> call, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Task<T>? pending = null;
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(_timeout, ct);

            // Fail fast while disconnected instead of queueing behind a dead socket.
            if (!multiplexer.IsConnected)
            {
                return Unavailable<T>(operation, "not connected");
            }

            pending = call(multiplexer.GetDatabase(connection.Database), state);
            var remaining = _timeout - Stopwatch.GetElapsedTime(started);
            var value = await pending.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, ct);
            Available();
            return (true, value);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Observe(pending);
            throw;
        }
        catch (Exception e) when (e is TimeoutException or RedisException or ObjectDisposedException)
        {
            Observe(pending);
            return Unavailable<T>(operation, e is TimeoutException ? "timed out" : e.GetType().Name);
        }
    }

    /// <summary>An abandoned call may still fail later; observe it so it is not reported as unobserved.</summary>
    private static void Observe(Task? pending) =>
        pending?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

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

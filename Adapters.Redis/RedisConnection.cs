using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// One multiplexer for the process, connected in the background: start never waits for Redis,
/// and a Redis that is down at start is picked up when it comes back (AbortOnConnectFail=false
/// keeps the client reconnecting on its own). Each call is bounded by <c>REDIS__TIMEOUT_MS</c>
/// (the client's AsyncTimeout, checked on every heartbeat, so the heartbeat beats at a quarter
/// of it) and fails at once while there is no connection instead of queueing for it.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly object _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        if (!RedisUrl.TryParse(options.Value.Url, out var configuration, out var error))
        {
            throw new InvalidOperationException(error);
        }

        var timeoutMs = options.Value.TimeoutMs;
        configuration.AsyncTimeout = timeoutMs;
        configuration.SyncTimeout = timeoutMs;
        configuration.HeartbeatInterval = TimeSpan.FromMilliseconds(Math.Clamp(timeoutMs / 4, 10, 1000));
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _configuration = configuration;
        Database = configuration.DefaultDatabase ?? 0;
    }

    public int Database { get; }

    /// <summary>The multiplexer, once its first connection attempt has finished (successfully or not).</summary>
    public Task<ConnectionMultiplexer> GetAsync()
    {
        var connecting = _connecting;
        if (connecting is { IsFaulted: false, IsCanceled: false })
        {
            return connecting;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // A faulted attempt (e.g. the host name did not resolve) is retried by the next caller.
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectionMultiplexer.ConnectAsync(_configuration.Clone());
            }

            return _connecting;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_connecting is { IsCompletedSuccessfully: true })
            {
                _connecting.Result.Dispose();
            }
        }
    }
}

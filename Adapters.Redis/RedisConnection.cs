using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// One multiplexer for the process, connected in the background: start never waits for Redis,
/// and a Redis that is down at start is picked up when it comes back (AbortOnConnectFail=false
/// keeps the client reconnecting on its own).
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
                var configuration = _configuration.Clone();
                // Its own thread: 1.2.6 does part of the connect synchronously, which must not hold a
                // thread-pool thread (and with it request processing) while a dead server is tried.
                _connecting = Task.Factory.StartNew(
                    () => ConnectionMultiplexer.ConnectAsync(configuration),
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default).Unwrap();
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

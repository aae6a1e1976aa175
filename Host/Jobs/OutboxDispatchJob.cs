using AuthService.Application.Outbox;
using AuthService.Application.Webhooks;

namespace AuthService.Host.Jobs;

/// <summary>
/// Saves the webhook endpoints from configuration, then runs the outbox dispatcher: a batch
/// whenever this process committed a row, else every second
/// (rows other instances wrote, retries that came due). On SIGTERM it claims nothing more and
/// lets the batch in hand finish; only the host's shutdown deadline (HOST__SHUTDOWN_SECONDS) cuts
/// it short, and what it cuts short is sent again after the claim's lease.
/// </summary>
internal sealed class OutboxDispatchJob(
    IServiceScopeFactory scopes, IOutboxStore store, ILogger<OutboxDispatchJob> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _abort = new();
    private int _stopped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // The host cancels cancellationToken at its shutdown deadline: only then is a send abandoned.
        await using var deadline = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var endpointsSynced = false;
        var counted = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (Environment.TickCount64 - counted >= CountEvery.TotalMilliseconds)
            {
                counted = Environment.TickCount64;
                await CountAsync(stoppingToken);
            }

            // Endpoints from configuration become rows first (retried each round until PostgreSQL answers).
            endpointsSynced = endpointsSynced || await SyncConfiguredEndpointsAsync(stoppingToken);
            var claimed = await RunBatchAsync();
            if (claimed >= IDispatchOutbox.BatchSize)
            {
                continue;
            }

            try
            {
                await store.WaitForWorkAsync(claimed < 0 ? AfterFailure : Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The backlog gauge of /metrics (pending and dead rows by channel).</summary>
    private async Task CountAsync(CancellationToken ct)
    {
        try
        {
            OutboxMetrics.Counted(await store.CountAsync(ct));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogDebug("Counting the outbox failed ({Failure})", e.GetType().Name);
        }
    }

    private async Task<bool> SyncConfiguredEndpointsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISyncConfiguredWebhooks>().ExecuteAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Saving the configured webhook endpoints failed ({Failure}); retrying shortly", e.GetType().Name);
            return false;
        }
    }

    /// <returns>Rows claimed, or -1 when the round failed (PostgreSQL down, say).</returns>
    private async Task<int> RunBatchAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IDispatchOutbox>().ExecuteAsync(_abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            logger.LogWarning("Outbox round failed ({Failure}); retrying shortly", e.GetType().Name);
            return -1;
        }
    }
}

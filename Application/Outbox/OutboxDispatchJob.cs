using AuthService.Application.Jobs;
using AuthService.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthService.Application.Outbox;

/// <summary>
/// Saves the webhook endpoints from configuration (retried each round until PostgreSQL answers),
/// then runs the outbox dispatcher: a batch whenever this process committed a row, else every
/// <c>JOBS__OUTBOX_POLL_MS</c> (rows other instances wrote, retries that came due), at once again
/// after a full batch. On SIGTERM it claims nothing more and lets the batch in hand finish; only
/// the host's shutdown deadline (HOST__SHUTDOWN_SECONDS) cuts it short, and what it cuts short is
/// sent again after the claim's lease.
/// </summary>
internal sealed class OutboxDispatchJob(
    IServiceScopeFactory scopes, IOutboxStore store, JobSettings settings, TimeProvider time, ILogger<OutboxDispatchJob> logger)
    : IPeriodicJob
{
    private bool _endpointsSynced;
    private long? _countedAt;

    public string Name => "outbox dispatch";

    public JobSchedule Schedule => new(settings.OutboxPoll)
    {
        AfterFailure = 2 * settings.OutboxPoll,
        DrainOnStop = true,
        WaitForWork = store.WaitForWorkAsync,
    };

    public async Task<JobRound> RunOnceAsync(CancellationToken ct)
    {
        if (_countedAt is not { } at || time.GetElapsedTime(at) >= settings.OutboxCount)
        {
            _countedAt = time.GetTimestamp();
            await CountAsync(ct);
        }

        _endpointsSynced = _endpointsSynced || await SyncConfiguredEndpointsAsync(ct);
        var claimed = await scopes.InScopeAsync<IDispatchOutbox, int>(d => d.ExecuteAsync(ct));
        return claimed >= IDispatchOutbox.BatchSize ? JobRound.Again : JobRound.Wait;
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
            await scopes.InScopeAsync<ISyncConfiguredWebhooks>(s => s.ExecuteAsync(ct));
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Saving the configured webhook endpoints failed ({Failure}); retrying shortly", e.GetType().Name);
            return false;
        }
    }
}

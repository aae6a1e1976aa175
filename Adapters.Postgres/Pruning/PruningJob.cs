using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Postgres.Pruning;

/// <summary>Runs the <see cref="Pruner"/> at start and then every <c>DATABASE__PRUNE_INTERVAL_MINUTES</c>.</summary>
internal sealed class PruningJob(
    Pruner pruner, IOptions<PostgresOptions> options, TimeProvider time, ILogger<PruningJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.PruneIntervalMinutes);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await PruneOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PruneOnceAsync(CancellationToken ct)
    {
        try
        {
            await pruner.PruneAsync(time.GetUtcNow(), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A failed round (database down, say) must not stop the host; the next one retries.
            logger.LogWarning(e, "Pruning expired codes, tokens and sessions failed");
        }
    }
}

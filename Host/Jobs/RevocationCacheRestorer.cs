using AuthService.Application.Sessions;

namespace AuthService.Host.Jobs;

/// <summary>
/// Asks about every second whether the revocation cache lost its entries, and refills it from
/// PostgreSQL when it did (<see cref="IRestoreRevocationCache"/>). Until then, revocation checks
/// fall back to PostgreSQL, so the only cost of the gap is speed.
/// </summary>
internal sealed class RevocationCacheRestorer(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<RevocationCacheRestorer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RestoreOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever a call interrupted by the stop threw is of no interest.
        }
    }

    private async Task RestoreOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IRestoreRevocationCache>().ExecuteAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // PostgreSQL down, say: the checks fall back to it anyway; the next tick retries.
            logger.LogWarning(e, "Refilling the revocation cache failed");
        }
    }
}

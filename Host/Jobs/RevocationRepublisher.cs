using AuthService.Application.Sessions;

namespace AuthService.Host.Jobs;

/// <summary>
/// Runs <see cref="IRepublishRevocations"/> every 250 ms, so a committed revocation reaches the
/// cache within a poll even when the instance that made it died or lost Redis before publishing;
/// with the cache's 500 ms "not revoked" memory that keeps every instance inside the contract's 1 s.
/// </summary>
internal sealed class RevocationRepublisher(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<RevocationRepublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly RevocationTail _tail = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RepublishOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever a call interrupted by the stop threw is of no interest.
        }
    }

    private async Task RepublishOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IRepublishRevocations>().ExecuteAsync(_tail, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // PostgreSQL down, say: checks fall back to it anyway; the next tick retries.
            logger.LogWarning(e, "Republishing recent revocations failed");
        }
    }
}

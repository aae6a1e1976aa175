using AuthService.Application.SystemConfig;

namespace AuthService.Host.Jobs;

/// <summary>
/// Keeps this instance's <see cref="ISystemSettings"/> current: loads the table before the
/// service answers its first request, re-reads it when another instance announces a change
/// (Redis pub/sub), and every <c>SYSTEM_CONFIG__REFRESH_SECONDS</c> (2) in any case, the safety
/// net for an announcement that never arrived (Redis down, a reconnect). A change therefore
/// applies everywhere within that period, at once where the announcement gets through.
/// </summary>
internal sealed class SystemSettingsWatcher(
    ISystemSettings settings,
    ISettingsChangeBus bus,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<SystemSettingsWatcher> logger) : BackgroundService
{
    private bool _subscribed;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue("SYSTEM_CONFIG:REFRESH_SECONDS", 2), 1, 60);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        try
        {
            do
            {
                if (!_subscribed)
                {
                    _subscribed = await bus.SubscribeAsync(() => ReloadAsync(CancellationToken.None), stoppingToken);
                }

                await ReloadAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        try
        {
            await settings.ReloadAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // PostgreSQL down, say: the last snapshot stays in force; the next tick retries.
            logger.LogWarning(e, "Reading the system settings failed; keeping the ones in force");
        }
    }
}

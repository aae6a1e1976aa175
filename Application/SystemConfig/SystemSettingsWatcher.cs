using AuthService.Application.Jobs;

namespace AuthService.Application.SystemConfig;

/// <summary>
/// Keeps this instance's <see cref="ISystemSettings"/> current: loads the table before the
/// service answers its first request, re-reads it when another instance announces a change
/// (Redis pub/sub), and every <c>JOBS__SYSTEM_SETTINGS_REFRESH_SECONDS</c> (2) in any case, the
/// safety net for an announcement that never arrived (Redis down, a reconnect). A change therefore
/// applies everywhere within that period, at once where the announcement gets through. A failed
/// read keeps the last snapshot in force.
/// </summary>
internal sealed class SystemSettingsWatcher(ISystemSettings settings, ISettingsChangeBus bus, JobSettings jobs) : IPeriodicJob
{
    private bool _serving;
    private bool _subscribed;

    public string Name => "system settings";

    public JobSchedule Schedule => new(jobs.SystemSettingsRefresh) { Start = JobStart.BeforeServing };

    public async Task<JobRound> RunOnceAsync(CancellationToken ct)
    {
        // The round before serving only loads: subscribing waits for Redis, which may be away.
        if (_serving && !_subscribed)
        {
            _subscribed = await bus.SubscribeAsync(() => settings.ReloadAsync(CancellationToken.None), ct);
        }

        _serving = true;
        await settings.ReloadAsync(ct);
        return JobRound.Wait;
    }
}

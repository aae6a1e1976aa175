using AuthService.Application.Jobs;

namespace AuthService.Host.Configuration;

/// <summary>The <c>JOBS__*</c> intervals of the background jobs, checked at start (see <see cref="JobSettings"/>).</summary>
internal static class JobSettingsReader
{
    public static JobSettings Read(IConfiguration configuration) => new()
    {
        RevocationPoll = TimeSpan.FromMilliseconds(Setting(configuration, "JOBS:REVOCATION_POLL_MS", null, 250, 50, 500)),
        OutboxPoll = TimeSpan.FromMilliseconds(Setting(configuration, "JOBS:OUTBOX_POLL_MS", null, 1000, 100, 60_000)),
        Prune = TimeSpan.FromMinutes(Setting(configuration, "JOBS:PRUNE_INTERVAL_MINUTES", "DATABASE:PRUNE_INTERVAL_MINUTES", 10, 0, 525_600)),
        ServiceCallSummary = TimeSpan.FromSeconds(
            Setting(configuration, "JOBS:SERVICE_CALL_SUMMARY_SECONDS", "INTROSPECTION:AUDIT_SUMMARY_SECONDS", 60, 1, 3600)),
        SystemSettingsRefresh = TimeSpan.FromSeconds(
            Setting(configuration, "JOBS:SYSTEM_SETTINGS_REFRESH_SECONDS", "SYSTEM_CONFIG:REFRESH_SECONDS", 2, 1, 60)),
        AdminBootstrapRetry = TimeSpan.FromSeconds(Setting(configuration, "JOBS:ADMIN_BOOTSTRAP_RETRY_SECONDS", null, 30, 1, 3600)),
    };

    /// <summary>The <c>JOBS</c> name first; the setting's older name, where it had one, still counts.</summary>
    private static int Setting(IConfiguration configuration, string key, string? formerKey, int fallback, int min, int max) =>
        formerKey is not null && configuration[key] is null && configuration[formerKey] is not null
            ? SessionSettingsReader.Setting(configuration, formerKey, fallback, min, max)
            : SessionSettingsReader.Setting(configuration, key, fallback, min, max);
}

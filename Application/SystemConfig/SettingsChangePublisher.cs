using Microsoft.Extensions.Logging;

namespace AuthService.Application.SystemConfig;

/// <summary>After a committed change: apply it here at once, and tell the other instances.</summary>
internal sealed class SettingsChangePublisher(ISystemSettings settings, ISettingsChangeBus bus, ILogger<SettingsChangePublisher> logger)
{
    public const string UpdatedAction = "config.update";
    public const string ResetAction = "config.reset";

    public static Error UnknownKey => new(
        ErrorCode.NotFound,
        $"No such setting. Known settings: {string.Join(", ", SettingCatalogue.All.Select(d => d.Key))}.");

    public async Task<SettingValue> AppliedAsync(string key, CancellationToken ct)
    {
        await settings.ReloadAsync(ct);
        try
        {
            await bus.PublishAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The other instances still re-read the table on their own within the refresh period.
            logger.LogWarning(e, "Could not announce a settings change; other instances pick it up at their next re-read");
        }

        return settings.Current.Values.Single(v => v.Key == key);
    }
}

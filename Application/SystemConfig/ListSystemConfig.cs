namespace AuthService.Application.SystemConfig;

public interface IListSystemConfig
{
    Task<IReadOnlyList<SettingValue>> ExecuteAsync(CancellationToken ct);
}

/// <summary>Every known setting with its effective value, read fresh from the table.</summary>
internal sealed class ListSystemConfig(ISystemSettings settings) : IListSystemConfig
{
    public async Task<IReadOnlyList<SettingValue>> ExecuteAsync(CancellationToken ct)
    {
        await settings.ReloadAsync(ct);
        return [.. settings.Current.Values.OrderBy(v => v.Key, StringComparer.Ordinal)];
    }
}

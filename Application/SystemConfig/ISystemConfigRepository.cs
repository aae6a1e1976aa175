namespace AuthService.Application.SystemConfig;

/// <summary>The system_config table.</summary>
public interface ISystemConfigRepository
{
    Task<IReadOnlyList<StoredSetting>> ListAsync(CancellationToken ct);

    Task UpsertAsync(StoredSetting setting, CancellationToken ct);

    /// <summary>False when the key had no row.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct);
}

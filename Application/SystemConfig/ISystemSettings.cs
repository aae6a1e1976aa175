namespace AuthService.Application.SystemConfig;

/// <summary>
/// The one place the code reads settings that may change while the service runs (CORS origins,
/// rate limits, registration mode, session limit). Never copy a value at start: read
/// <see cref="Current"/> when it is needed, and a change made on any instance applies here
/// within <c>SYSTEM_CONFIG__REFRESH_SECONDS</c> (at once when the Redis notification arrives).
/// </summary>
public interface ISystemSettings
{
    SystemSettingsSnapshot Current { get; }

    /// <summary>Reads the system_config table again and replaces <see cref="Current"/>.</summary>
    Task ReloadAsync(CancellationToken ct);
}

/// <summary>The system_config table.</summary>
public interface ISystemConfigRepository
{
    Task<IReadOnlyList<StoredSetting>> ListAsync(CancellationToken ct);

    Task UpsertAsync(StoredSetting setting, CancellationToken ct);

    /// <summary>False when the key had no row.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct);
}

/// <summary>Tells every instance that a setting changed (Redis pub/sub); losing a message only delays the change until the next periodic re-read.</summary>
public interface ISettingsChangeBus
{
    Task PublishAsync(CancellationToken ct);

    /// <summary>Calls <paramref name="onChange"/> whenever any instance publishes; true when the subscription stands.</summary>
    Task<bool> SubscribeAsync(Func<Task> onChange, CancellationToken ct);
}

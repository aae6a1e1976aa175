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

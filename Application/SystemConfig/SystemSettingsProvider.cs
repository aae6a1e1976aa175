using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Application.SystemConfig;

/// <summary>
/// The one provider of the settings that may change at run time: it backs both
/// <see cref="IRuntimeSettings"/> (what request handling reads) and <see cref="ISystemSettings"/>
/// (the admin API's view). Holds the current snapshot; a reload builds a whole new one from the table and swaps it in,
/// so a reader always sees one consistent set. Until the first load (or while PostgreSQL cannot
/// answer) the environment and defaults apply, or the last snapshot that loaded.
/// </summary>
internal sealed class SystemSettingsProvider(EnvironmentSettings environment, IServiceScopeFactory scopes) : ISystemSettings, IRuntimeSettings
{
    private SystemSettingsSnapshot _current = SystemSettingsSnapshot.Build(environment, []);

    public SystemSettingsSnapshot Current => Volatile.Read(ref _current);

    public IReadOnlySet<string> CorsOrigins => Current.CorsOrigins;

    public bool RateLimitsEnabled => Current.RateLimitsEnabled;

    public RegistrationMode Registration => Current.Registration;

    public int MaxSessionsPerUser => Current.MaxSessionsPerUser;

    public SessionLimitMode SessionLimitMode => Current.SessionLimitMode;

    public RateLimitRule RateLimit(string policy) => Current.RateLimit(policy);

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ISystemConfigRepository>().ListAsync(ct);
        Volatile.Write(ref _current, SystemSettingsSnapshot.Build(environment, stored));
    }
}

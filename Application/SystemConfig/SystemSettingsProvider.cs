using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Application.SystemConfig;

/// <summary>
/// Holds the current snapshot; a reload builds a whole new one from the table and swaps it in,
/// so a reader always sees one consistent set. Until the first load (or while PostgreSQL cannot
/// answer) the environment and defaults apply, or the last snapshot that loaded.
/// </summary>
internal sealed class SystemSettingsProvider(EnvironmentSettings environment, IServiceScopeFactory scopes) : ISystemSettings
{
    private SystemSettingsSnapshot _current = SystemSettingsSnapshot.Build(environment, []);

    public SystemSettingsSnapshot Current => Volatile.Read(ref _current);

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ISystemConfigRepository>().ListAsync(ct);
        Volatile.Write(ref _current, SystemSettingsSnapshot.Build(environment, stored));
    }
}

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>
/// The service with a few settings of its own, as a class fixture of its own:
/// <c>public sealed class NoRedisApp() : SettingsApp(("REDIS:URL", "redis://127.0.0.1:1/0"));</c>
/// </summary>
public abstract class SettingsApp(params (string Key, string? Value)[] settings) : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings.ToDictionary(s => s.Key, s => s.Value);
}

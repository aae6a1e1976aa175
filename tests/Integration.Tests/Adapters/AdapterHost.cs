using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Integration.Tests.Adapters;

/// <summary>
/// Builds a container around one adapter's AddXxx entry point with the given settings (config
/// keys as the env vars map to them, e.g. "PASSWORD:ARGON2_MEMORY_KIB"), and runs the start-time
/// validation the real host runs.
/// </summary>
internal static class AdapterHost
{
    public static ServiceProvider Start(
        Action<IServiceCollection, IConfiguration> add,
        IReadOnlyDictionary<string, string?> settings,
        TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        // What the Host binds once and hands to the adapters.
        services.AddSingleton(AuthService.Host.Configuration.SessionSettingsReader.ReadTokens(configuration));
        add(services, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return provider;
    }

    /// <summary>The one-line message start would fail with (several when several settings are bad).</summary>
    public static string StartFailure(Action<IServiceCollection, IConfiguration> add, IReadOnlyDictionary<string, string?> settings)
    {
        var e = Record.Exception(() => Start(add, settings).Dispose());
        var failures = e switch
        {
            OptionsValidationException one => [one],
            AggregateException many => many.InnerExceptions.Select(Assert.IsType<OptionsValidationException>).ToArray(),
            _ => throw new Xunit.Sdk.XunitException($"Expected start to fail with OptionsValidationException, got {e?.GetType().Name ?? "success"}."),
        };
        Assert.All(failures, f => Assert.DoesNotContain('\n', f.Message));
        return string.Join(" | ", failures.Select(f => f.Message));
    }
}

using AuthService.Adapters.Redis.OAuth;
using AuthService.Adapters.Redis.Quotas;
using AuthService.Application.Abstractions;
using AuthService.Application.Login;
using AuthService.Application.OAuth;
using AuthService.Application.Otp;
using AuthService.Application.Plans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthService.Adapters.Redis;

public static class RedisAdapter
{
    /// <summary>
    /// Revocation cache, rate limiter, lockout counters, OAuth state and exchange codes, quota counters, and the "redis"
    /// readiness probe, over one multiplexer.
    /// Settings: REDIS__URL, REDIS__TIMEOUT_MS, REDIS__REVOCATION_RECHECK_MS; the Host registers
    /// <see cref="Application.Common.TokenSettings"/> (revocation entries outlive the access-token lifetime).
    /// </summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.Section))
            .Validate(o => RedisUrl.TryParse(o.Url, out _, out _), "REDIS__URL must look like redis://[[user]:password@]host:port[/db].")
            .Validate(o => o.TimeoutMs is >= 10 and <= 30_000, "REDIS__TIMEOUT_MS must be between 10 and 30000.")
            .Validate(o => o.RevocationRecheckMs is >= 0 and <= 900, "REDIS__REVOCATION_RECHECK_MS must be between 0 and 900 (revocations must be seen within 1 s).")
            .ValidateOnStart();

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisCalls>();
        services.AddSingleton<RedisRevocationCache>();
        services.AddSingleton<IRevocationCache>(sp => sp.GetRequiredService<RedisRevocationCache>());
        services.AddSingleton<IDependencyProbe, RedisProbe>();
        services.AddSingleton<IOutageClassifier, RedisOutageClassifier>();
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();
        services.AddSingleton<ICooldown, RedisCooldown>();
        services.AddSingleton<ILockoutStore, RedisLockoutStore>();
        services.AddSingleton<IOtpFailureCounter, RedisOtpFailureCounter>();
        services.AddSingleton<IOAuthStateStore, RedisOAuthStateStore>();
        services.AddSingleton<IOAuthExchangeCodeStore, RedisOAuthExchangeCodeStore>();
        services.AddSingleton<IQuotaCounter, RedisQuotaCounter>();
        services.AddSingleton<Application.SystemConfig.ISettingsChangeBus, RedisSettingsChangeBus>();

        return services;
    }
}

using AuthService.Adapters.Crypto.Mfa;
using AuthService.Adapters.Crypto.Passwords;
using AuthService.Adapters.Crypto.Secrets;
using AuthService.Adapters.Crypto.Tokens;
using AuthService.Application.Abstractions;
using AuthService.Application.Mfa;
using Fido2NetLib;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto;

public static class CryptoAdapter
{
    /// <summary>
    /// Password hashing, keyed secret hashing, secret encryption, random secrets, ids and access tokens.
    /// Settings: PASSWORD__*, AUTH__HMAC_SECRET, CRYPTO__*, JWT__PRIVATE_KEY, JWT__SIGNING_KEYS_DIR; the
    /// Host registers <see cref="Application.Common.TokenSettings"/> (issuer, audience, lifetime). Key material is loaded (or, in a
    /// development keys folder, generated) when the host starts, and a missing or weak
    /// secret stops it with a message naming the variable.
    /// </summary>
    public static IServiceCollection AddCrypto(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<PasswordOptions>()
            .Bind(configuration.GetSection(PasswordOptions.Section))
            .Validate(o => o.MemoryKib is >= 8 and <= 4 * 1024 * 1024, "PASSWORD__ARGON2_MEMORY_KIB must be between 8 and 4194304.")
            .Validate(o => o.Iterations is >= 1 and <= 100, "PASSWORD__ARGON2_ITERATIONS must be between 1 and 100.")
            .Validate(o => o.MaxConcurrentHashes is >= 1 and <= 1024, "PASSWORD__MAX_CONCURRENT_HASHES must be between 1 and 1024.")
            .Validate(o => o.QueueTimeoutMs is >= 0 and <= 60_000, "PASSWORD__QUEUE_TIMEOUT_MS must be between 0 and 60000.")
            .Validate(o => o.MaxQueuedHashes is >= 0 and <= 100_000, "PASSWORD__MAX_QUEUED_HASHES must be between 0 and 100000.")
            .ValidateOnStart();

        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>>(sp => new KeyMaterialValidator<JwtOptions>(
            o => SigningKeyRing.TryLoad(o, sp.GetRequiredService<TimeProvider>(), out _, out var error) ? null : error));

        services.AddOptions<ServerSecretOptions>()
            .Bind(configuration.GetSection(ServerSecretOptions.Section))
            .Configure(o => o.SigningKeysDir = configuration[$"{JwtOptions.Section}:SIGNING_KEYS_DIR"])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerSecretOptions>>(
            new KeyMaterialValidator<ServerSecretOptions>(o => ServerSecret.TryLoad(o, out _, out var error) ? null : error));

        services.AddOptions<MasterKeyOptions>()
            .Bind(configuration.GetSection(MasterKeyOptions.Section))
            .Configure(o => o.SigningKeysDir = configuration[$"{JwtOptions.Section}:SIGNING_KEYS_DIR"])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MasterKeyOptions>>(
            new KeyMaterialValidator<MasterKeyOptions>(o => MasterKeyRing.TryLoad(o, out _, out var error) ? null : error));

        services.AddSingleton(sp => SigningKeyRing.Load(
            sp.GetRequiredService<IOptions<JwtOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => ServerSecret.Load(sp.GetRequiredService<IOptions<ServerSecretOptions>>().Value));

        services.AddSingleton<Argon2PasswordHasher>();
        services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<Argon2PasswordHasher>());
        services.AddSingleton<IPasswordScreen>(sp => BreachedPasswordList.Load(
            BreachedPasswordFile.Find(sp.GetRequiredService<IOptions<PasswordOptions>>().Value.BreachedListFile)));
        services.AddHostedService<PasswordHasherWarmup>();
        services.AddSingleton(sp => MasterKeyRing.Load(sp.GetRequiredService<IOptions<MasterKeyOptions>>().Value));
        services.AddSingleton<ISecretHasher, HmacSecretHasher>();
        services.AddSingleton<ISecretCipher, AesGcmSecretCipher>();
        services.AddSingleton<ISecretGenerator, SecretGenerator>();
        services.AddSingleton<Application.Sessions.IRefreshTokenHandles, RefreshTokenHandles>();
        services.AddSingleton<IIdGenerator, UuidV7Generator>();
        services.AddSingleton<ITokenIssuer, JwtTokenService>();
        services.AddSingleton<IKeySetPublisher, JwksPublisher>();

        var webAuthn = configuration.GetSection(WebAuthnSettings.Section).Get<WebAuthnSettings>() ?? new WebAuthnSettings();
        services.AddSingleton(webAuthn);
        services.AddSingleton<ITotpAlgorithm, OtpNetTotp>();
        var origins = webAuthn.OriginList(configuration["CORS:ORIGINS"]);
        services.AddSingleton<IFido2>(new Fido2(
            new Fido2Configuration
            {
                RPID = webAuthn.RpId,
                RPName = webAuthn.RpName,
                Origins = origins.ToHashSet(StringComparer.Ordinal),
                ChallengeSize = 32,
            },
            metadataService: null));
        services.AddSingleton<IWebAuthn, Fido2WebAuthn>();
        return services;
    }
}

using AuthService.Adapters.Oidc;
using AuthService.Integration.Tests.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Integration.Tests.OAuth;

/// <summary>Adapters.Oidc's own rules: metadata caching, key rotation, algorithms, issuer addresses.</summary>
public sealed class OidcAdapterTests : IDisposable
{
    private const string ClientId = "client-1";
    private readonly FakeProvider _provider = new();
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly OidcMetadataCache _cache;
    private readonly ProviderSettings _settings = new(
        "idp", ProviderKind.Oidc, FakeProvider.Issuer, ClientId, "secret", "openid email", null, null, null,
        new Uri("http://127.0.0.1:8001/api/v1/auth/oauth/idp/callback"));

    public OidcAdapterTests()
    {
        var options = Options.Create(new OidcOptions { MetadataLifetime = TimeSpan.FromMinutes(10) });
        _cache = new OidcMetadataCache(new ProviderHttp(_provider), options, _clock, NullLogger<OidcMetadataCache>.Instance);
    }

    [Fact]
    public async Task Discovery_IsCachedForItsLifetime_ThenFetchedAgain()
    {
        Assert.NotNull(await _cache.GetMetadataAsync(_settings, default));
        Assert.NotNull(await _cache.GetMetadataAsync(_settings, default));
        Assert.Equal(1, _provider.DiscoveryFetches);

        _clock.Now += TimeSpan.FromMinutes(11);
        Assert.NotNull(await _cache.GetMetadataAsync(_settings, default));
        Assert.Equal(2, _provider.DiscoveryFetches);
    }

    [Fact]
    public async Task DiscoveryNamingAnotherIssuer_IsRejected()
    {
        _provider.DiscoveryIssuer = "https://attacker.example.test";
        Assert.Null(await _cache.GetMetadataAsync(_settings, default));
    }

    [Fact]
    public async Task TokenSignedWithARotatedInKey_FetchesTheKeySetAgain_AndVerifies()
    {
        var (oldKey, oldKid) = _provider.AddKey("k1");
        var metadata = (await _cache.GetMetadataAsync(_settings, default))!;
        Assert.True((await Validate(Token(oldKey, oldKid), metadata)).Token is not null);

        // The provider rotates: the new key is unknown to our cached set.
        var (newKey, newKid) = _provider.AddKey("k2");
        _clock.Now += TimeSpan.FromSeconds(31);
        var result = await Validate(Token(newKey, newKid), metadata);

        Assert.NotNull(result.Token);
        Assert.Equal(2, _provider.KeyFetches);
    }

    [Fact]
    public async Task UnknownKeyIds_DoNotHammerTheProvider()
    {
        var (key, _) = _provider.AddKey("k1");
        var metadata = (await _cache.GetMetadataAsync(_settings, default))!;
        await Validate(Token(key, "k1"), metadata);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(IdTokenFailure.Invalid, (await Validate(Token(key, "made-up-" + i), metadata)).Failure);
        }

        // Within 30 s of the last fetch nothing is fetched again; after that, once.
        Assert.Equal(1, _provider.KeyFetches);
        _clock.Now += TimeSpan.FromSeconds(31);
        await Validate(Token(key, "made-up-again"), metadata);
        await Validate(Token(key, "made-up-again"), metadata);
        Assert.Equal(2, _provider.KeyFetches);
    }

    [Fact]
    public async Task AlgorithmComesFromTheKey_ARs256KeyUsedForPs256_IsRefused()
    {
        var (key, kid) = _provider.AddKey("k1", alg: "RS256");
        var metadata = (await _cache.GetMetadataAsync(_settings, default))!;

        var result = await Validate(Token(key, kid, SecurityAlgorithms.RsaSsaPssSha256), metadata);

        Assert.Equal(IdTokenFailure.Invalid, result.Failure);
    }

    [Theory]
    [InlineData("aud", "someone-else")]
    [InlineData("iss", "https://other.example.test")]
    [InlineData("exp", "past")]
    [InlineData("iat", "old")]
    [InlineData("nonce", "other")]
    public async Task ClaimsThatDoNotFit_AreRefused(string claim, string value)
    {
        var (key, kid) = _provider.AddKey("k1");
        var metadata = (await _cache.GetMetadataAsync(_settings, default))!;

        var result = await Validate(Token(key, kid, change: (claim, value)), metadata);

        Assert.Null(result.Token);
        Assert.Equal(claim == "nonce" ? IdTokenFailure.NonceMismatch : IdTokenFailure.Invalid, result.Failure);
    }

    [Theory]
    [InlineData("http://idp.example.com", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("https://idp.example.com", true)]
    [InlineData("http://127.0.0.1:9090", true)]
    [InlineData("http://localhost:9090/realms/x", true)]
    [InlineData("http://[::1]:9090", true)]
    public void PlainHttpIssuer_IsAcceptedOnlyOnLoopback(string issuer, bool accepted)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAUTH:PROVIDERS:ACME:ISSUER"] = issuer,
            ["OAUTH:PROVIDERS:ACME:CLIENT_ID"] = "id",
        }).Build();
        var options = new OidcOptions();

        OidcOptionsReader.Read(configuration, options, "/api/v1/auth/oauth");

        Assert.Equal(accepted, options.Providers.ContainsKey("acme"));
        if (!accepted)
        {
            Assert.Contains(options.Errors, e => e.StartsWith("OAUTH__PROVIDERS__ACME__ISSUER", StringComparison.Ordinal));
        }
    }

    public void Dispose() => _provider.Dispose();

    private Task<IdTokenResult> Validate(string token, ProviderMetadata metadata) =>
        new IdTokenValidator(_cache, _clock).ValidateAsync(token, _settings, metadata, "nonce-1", default);

    private string Token(System.Security.Cryptography.RSA key, string kid, string alg = SecurityAlgorithms.RsaSha256, (string Claim, string Value)? change = null)
    {
        var now = _clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = FakeProvider.Issuer,
            ["aud"] = ClientId,
            ["sub"] = "user-1",
            ["nonce"] = "nonce-1",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        };
        switch (change)
        {
            case ("exp", _):
                claims["exp"] = now.AddMinutes(-5).ToUnixTimeSeconds();
                break;
            case ("iat", _):
                claims["iat"] = now.AddHours(-2).ToUnixTimeSeconds();
                break;
            case ({ } name, { } value):
                claims[name] = value;
                break;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, alg),
        });
    }
}

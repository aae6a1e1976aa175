using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class SecretTests
{
    [Fact]
    public void Hash_ThenMatches_Succeeds()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var hasher = sp.GetRequiredService<ISecretHasher>();

        var hash = hasher.Hash("123456");

        Assert.Equal(43, hash.Length);
        Assert.Equal(hash, hasher.Hash("123456"));
        Assert.True(hasher.Matches("123456", hash));
        Assert.False(hasher.Matches("123457", hash));
        Assert.False(hasher.Matches("123456", hash[..^1] + (hash[^1] == 'A' ? 'B' : 'A')));
        Assert.False(hasher.Matches("123456", "not base64url!"));
        Assert.False(hasher.Matches("123456", string.Empty));
    }

    [Fact]
    public void Hash_DependsOnTheServerSecret()
    {
        var other = CryptoSettings.WithPrivateKey();
        other["AUTH:HMAC_SECRET"] = "another-secret-that-is-long-enough-0123456789";
        using var a = Start(CryptoSettings.WithPrivateKey());
        using var b = Start(other);

        Assert.NotEqual(a.GetRequiredService<ISecretHasher>().Hash("123456"), b.GetRequiredService<ISecretHasher>().Hash("123456"));
    }

    [Fact]
    public void OpaqueToken_Has256BitsUrlSafe()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var generator = sp.GetRequiredService<ISecretGenerator>();

        var tokens = Enumerable.Range(0, 1000).Select(_ => generator.NewOpaqueToken()).ToArray();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Length, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void SuccessorOf_IsDeterministicKeyedAndSeparateFromHash()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var generator = sp.GetRequiredService<ISecretGenerator>();
        var token = generator.NewOpaqueToken();

        var successor = generator.SuccessorOf(token);

        Assert.Matches("^[A-Za-z0-9_-]{43}$", successor);
        Assert.Equal(successor, generator.SuccessorOf(token));
        Assert.NotEqual(successor, generator.SuccessorOf(generator.NewOpaqueToken()));
        Assert.NotEqual(successor, sp.GetRequiredService<ISecretHasher>().Hash(token));

        var other = CryptoSettings.WithPrivateKey();
        other["AUTH:HMAC_SECRET"] = "another-secret-that-is-long-enough-0123456789";
        using var elsewhere = Start(other);
        Assert.NotEqual(successor, elsewhere.GetRequiredService<ISecretGenerator>().SuccessorOf(token));
    }

    [Fact]
    public void OtpCode_IsSixDigitsAndRoughlyUniform()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var generator = sp.GetRequiredService<ISecretGenerator>();
        const int Draws = 50_000;

        var codes = Enumerable.Range(0, Draws).Select(_ => generator.NewOtpCode()).ToArray();

        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));

        // Each digit position holds each digit about 5,000 times; ±15 % is > 10 standard deviations.
        for (var position = 0; position < 6; position++)
        {
            var counts = codes.GroupBy(c => c[position]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(10, counts.Count);
            Assert.All(counts.Values, n => Assert.InRange(n, 4250, 5750));
        }

        // 50,000 draws from a million: about 1,250 collisions expected, never most of them.
        Assert.InRange(codes.Distinct(StringComparer.Ordinal).Count(), 48_000, Draws);
        Assert.Contains(codes, c => c.StartsWith('0'));
    }

    [Fact]
    public void IdGenerator_MakesVersion7Ids()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var ids = sp.GetRequiredService<IIdGenerator>();

        var id = ids.NewId();

        Assert.Equal(7, id.Version);
        Assert.NotEqual(id, ids.NewId());
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("0123456789012345678901234567890")]
    public void Start_WithWeakHmacSecret_FailsNamingTheVariable(string secret)
    {
        var settings = CryptoSettings.WithPrivateKey();
        settings["AUTH:HMAC_SECRET"] = secret;

        Assert.Contains("AUTH__HMAC_SECRET", CryptoSettings.StartFailure(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithoutHmacSecretOrKeysDir_FailsNamingTheVariable()
    {
        var settings = new Dictionary<string, string?> { ["JWT:PRIVATE_KEY"] = CryptoSettings.NewPem() };

        Assert.Contains("AUTH__HMAC_SECRET", CryptoSettings.StartFailure(settings), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Start_WithKeysDirOnly_GeneratesHmacSecretOnceOwnerOnly() =>
        CryptoSettings.AssertGeneratedOnceOwnerOnly(
            "hmac.secret",
            "AUTH:HMAC_SECRET",
            sp => sp.GetRequiredService<ISecretHasher>().Hash("123456"),
            (sp, hash) => Assert.True(sp.GetRequiredService<ISecretHasher>().Matches("123456", hash)));

    private static ServiceProvider Start(Dictionary<string, string?> settings) => CryptoSettings.Start(settings);
}

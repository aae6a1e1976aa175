using System.Buffers.Text;
using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class TokenValidationTests
{
    private readonly ManualTimeProvider _time = new(TokenFactory.Now);

    [Fact]
    public async Task Validate_AfterExpiry_ReturnsExpired()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User();
        var token = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token;

        _time.Now = TokenFactory.Now.AddMinutes(15).AddSeconds(20);
        Assert.Equal(AccessTokenFailure.None, (await issuer.ValidateAsync(token, default)).Failure);

        _time.Now = TokenFactory.Now.AddMinutes(15).AddSeconds(31);
        var expired = await issuer.ValidateAsync(token, default);
        Assert.Equal(AccessTokenFailure.Expired, expired.Failure);
        Assert.Null(expired.Claims);
    }

    [Fact]
    public async Task Validate_ExpiredTokenSeenForTheFirstTime_ReturnsExpired()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User();

        var token = issuer.Issue(user, TokenFactory.Session(user), _time.Now.AddMinutes(-16)).Token;

        Assert.Equal(AccessTokenFailure.Expired, (await issuer.ValidateAsync(token, default)).Failure);
    }

    [Fact]
    public async Task Validate_TamperedPayload_ReturnsInvalid()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User(roles: "user");
        var parts = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"user\"", "\"admin\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.Equal(AccessTokenFailure.Invalid, (await issuer.ValidateAsync(forged, default)).Failure);
    }

    [Fact]
    public async Task Validate_TamperedAndExpired_ReturnsInvalidNotExpired()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User();
        var token = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token;
        _time.Now = TokenFactory.Now.AddHours(1);

        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        Assert.Equal(AccessTokenFailure.Invalid, (await issuer.ValidateAsync(forged, default)).Failure);
    }

    [Fact]
    public async Task Validate_TokenFromAnotherKey_ReturnsInvalid()
    {
        using var ours = Start(CryptoSettings.WithPrivateKey());
        using var theirs = Start(CryptoSettings.WithPrivateKey());
        var user = TokenFactory.User();
        var token = theirs.GetRequiredService<ITokenIssuer>().Issue(user, TokenFactory.Session(user), _time.Now).Token;

        Assert.Equal(AccessTokenFailure.Invalid, (await ours.GetRequiredService<ITokenIssuer>().ValidateAsync(token, default)).Failure);
    }

    [Fact]
    public async Task Validate_OtherKeyClaimingOurKid_ReturnsInvalid()
    {
        using var ours = Start(CryptoSettings.WithPrivateKey());
        var kid = TokenIssuerTests.JwksKids(ours).Single();
        using var attacker = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var token = SignWith(new ECDsaSecurityKey(attacker) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256, "at+jwt");

        Assert.Equal(AccessTokenFailure.Invalid, (await ours.GetRequiredService<ITokenIssuer>().ValidateAsync(token, default)).Failure);
    }

    [Fact]
    public async Task Validate_AlgNone_ReturnsInvalid()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User();
        var parts = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token.Split('.');
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"alg":"none","typ":"at+jwt","kid":"{{TokenIssuerTests.JwksKids(sp).Single()}}"}"""));

        Assert.Equal(AccessTokenFailure.Invalid, (await issuer.ValidateAsync($"{header}.{parts[1]}.", default)).Failure);
        Assert.Equal(AccessTokenFailure.Invalid, (await issuer.ValidateAsync($"{header}.{parts[1]}", default)).Failure);
    }

    [Fact]
    public async Task Validate_WrongTypeHeader_ReturnsInvalid()
    {
        var pem = CryptoSettings.NewPem();
        using var sp = Start(CryptoSettings.WithPrivateKey(pem));
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var token = SignWith(new ECDsaSecurityKey(ecdsa) { KeyId = TokenIssuerTests.JwksKids(sp).Single() }, SecurityAlgorithms.EcdsaSha256, "JWT");

        Assert.Equal(AccessTokenFailure.Invalid, (await sp.GetRequiredService<ITokenIssuer>().ValidateAsync(token, default)).Failure);
    }

    [Theory]
    [InlineData("JWT:ISSUER", "https://elsewhere.example")]
    [InlineData("JWT:AUDIENCE", "another-api")]
    public async Task Validate_TokenForAnotherIssuerOrAudience_ReturnsInvalid(string key, string value)
    {
        var pem = CryptoSettings.NewPem();
        var otherSettings = CryptoSettings.WithPrivateKey(pem);
        otherSettings[key] = value;
        using var other = Start(otherSettings);
        using var ours = Start(CryptoSettings.WithPrivateKey(pem));
        var user = TokenFactory.User();
        var token = other.GetRequiredService<ITokenIssuer>().Issue(user, TokenFactory.Session(user), _time.Now).Token;

        Assert.Equal(AccessTokenFailure.Invalid, (await ours.GetRequiredService<ITokenIssuer>().ValidateAsync(token, default)).Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.")]
    public async Task Validate_Garbage_ReturnsInvalid(string token)
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());

        Assert.Equal(AccessTokenFailure.Invalid, (await sp.GetRequiredService<ITokenIssuer>().ValidateAsync(token, default)).Failure);
    }

    private ServiceProvider Start(Dictionary<string, string?> settings) => CryptoSettings.Start(settings, _time);

    private string SignWith(SecurityKey key, string algorithm, string type) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://127.0.0.1:8001",
            Audience = "authservice",
            IssuedAt = _time.Now.UtcDateTime,
            NotBefore = _time.Now.UtcDateTime,
            Expires = _time.Now.AddMinutes(5).UtcDateTime,
            TokenType = type,
            SigningCredentials = new SigningCredentials(key, algorithm),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.CreateVersion7().ToString(),
                ["sid"] = Guid.CreateVersion7().ToString(),
                ["scope"] = "openid",
                ["plan"] = "free",
                ["roles"] = new[] { "admin" },
            },
        });
}

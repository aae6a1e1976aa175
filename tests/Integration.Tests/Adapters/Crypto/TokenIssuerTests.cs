using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class TokenIssuerTests
{
    private readonly ManualTimeProvider _time = new(TokenFactory.Now);

    [Fact]
    public async Task Issue_ThenValidate_RoundTripsClaims()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User("ada@example.com", "user", "admin");
        var session = TokenFactory.Session(user);

        var issued = issuer.Issue(user, session, _time.Now);
        var result = await issuer.ValidateAsync(issued.Token, default);

        Assert.Equal(900, issued.ExpiresInSeconds);
        Assert.Equal(AccessTokenFailure.None, result.Failure);
        var claims = Assert.IsType<AccessTokenClaims>(result.Claims);
        Assert.Equal(user.Id, claims.UserId);
        Assert.Equal(session.Id, claims.SessionId);
        Assert.Equal("ada@example.com", claims.Email);
        Assert.Equal(["user", "admin"], claims.Roles);
        Assert.Equal("pro", claims.Plan);
        Assert.Equal("openid profile email", claims.Scope);
        Assert.Equal(_time.Now.AddMinutes(15), claims.ExpiresAt);
    }

    [Fact]
    public void Issue_WritesRfc9068HeaderAndClaims()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var user = TokenFactory.User("ada@example.com", "user");
        var session = TokenFactory.Session(user);

        var token = sp.GetRequiredService<ITokenIssuer>().Issue(user, session, _time.Now).Token;

        using var header = Part(token, 0);
        Assert.Equal("at+jwt", header.RootElement.GetProperty("typ").GetString());
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(JwksKids(sp).Single(), header.RootElement.GetProperty("kid").GetString());

        using var payload = Part(token, 1);
        var p = payload.RootElement;
        Assert.Equal("http://127.0.0.1:8001", p.GetProperty("iss").GetString());
        Assert.Equal("authservice", p.GetProperty("aud").GetString());
        Assert.Equal(user.Id.ToString(), p.GetProperty("sub").GetString());
        Assert.Equal(session.Id.ToString(), p.GetProperty("sid").GetString());
        Assert.True(Guid.TryParse(p.GetProperty("jti").GetString(), out _));
        Assert.Equal(_time.Now.ToUnixTimeSeconds(), p.GetProperty("iat").GetInt64());
        Assert.Equal(_time.Now.AddMinutes(15).ToUnixTimeSeconds(), p.GetProperty("exp").GetInt64());
        Assert.Equal("openid profile email", p.GetProperty("scope").GetString());
        Assert.Equal("ada@example.com", p.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Array, p.GetProperty("roles").ValueKind);
        Assert.Equal("user", p.GetProperty("roles")[0].GetString());
        Assert.Equal("pro", p.GetProperty("plan").GetString());
        Assert.Equal("authservice", p.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Issue_UserWithoutEmail_OmitsEmail()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User(email: null);

        var token = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token;

        using var payload = Part(token, 1);
        Assert.False(payload.RootElement.TryGetProperty("email", out _));
        Assert.Null((await issuer.ValidateAsync(token, default)).Claims!.Email);
    }

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
    public async Task Validate_SameTokenManyTimes_GivesTheSameAnswer()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User();
        var token = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => issuer.ValidateAsync(token, default))));

        Assert.All(results, r => Assert.Equal(user.Id, r.Claims!.UserId));
        Assert.Equal(AccessTokenFailure.Invalid, (await issuer.ValidateAsync(token + "x", default)).Failure);
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
        var kid = JwksKids(ours).Single();
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
            $$"""{"alg":"none","typ":"at+jwt","kid":"{{JwksKids(sp).Single()}}"}"""));

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
        var token = SignWith(new ECDsaSecurityKey(ecdsa) { KeyId = JwksKids(sp).Single() }, SecurityAlgorithms.EcdsaSha256, "JWT");

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

    [Fact]
    public async Task Jwks_ValidatesIssuedTokenAsAThirdPartyWould()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var user = TokenFactory.User();
        var token = sp.GetRequiredService<ITokenIssuer>().Issue(user, TokenFactory.Session(user), DateTimeOffset.UtcNow).Token;
        var jwks = sp.GetRequiredService<IKeySetPublisher>().JwksJson;

        using var doc = JsonDocument.Parse(jwks);
        var key = doc.RootElement.GetProperty("keys")[0];
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());

        var set = new JsonWebKeySet(jwks);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "http://127.0.0.1:8001",
            ValidAudience = "authservice",
            IssuerSigningKeys = set.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);

        // The kid is the RFC 7638 thumbprint of the published key.
        var jwk = set.Keys.Single();
        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), jwk.Kid);
    }

    internal static ServiceProvider Start(Dictionary<string, string?> settings, TimeProvider? time) =>
        AdapterHost.Start((s, c) => s.AddCrypto(c), settings, time);

    internal static IReadOnlyList<string> JwksKids(IServiceProvider sp)
    {
        using var doc = JsonDocument.Parse(sp.GetRequiredService<IKeySetPublisher>().JwksJson);
        return doc.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToArray();
    }

    internal static JsonDocument Part(string token, int index) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]));

    private ServiceProvider Start(Dictionary<string, string?> settings) => Start(settings, _time);

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

using System.Buffers.Text;
using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
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

    internal static IReadOnlyList<string> JwksKids(IServiceProvider sp)
    {
        using var doc = JsonDocument.Parse(sp.GetRequiredService<IKeySetPublisher>().JwksJson);
        return doc.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToArray();
    }

    internal static JsonDocument Part(string token, int index) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]));

    private ServiceProvider Start(Dictionary<string, string?> settings) => CryptoSettings.Start(settings, _time);
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Integration.Tests.Api;

/// <summary>
/// A downstream ASP.NET service that knows only our issuer (and audience) verifies our access
/// tokens through the discovery document and the JWKS, with the framework's JwtBearer handler.
/// </summary>
public sealed class DownstreamJwtBearerTests(DownstreamJwtBearerTests.IssuerApp app) : IClassFixture<DownstreamJwtBearerTests.IssuerApp>
{
    private const string Audience = "authservice";

    [Fact]
    public async Task Downstream_AcceptsOurToken_AndARevokedOneUntilExpiry_RefusesAForeignOne()
    {
        var api = app.Api();
        var email = await api.RegisterVerifiedAsync();
        var tokens = await api.LoginAsync(email);
        var revoked = CoreFlowTests.Token(await api.LoginAsync(email));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout", new { }, revoked)).StatusCode);
        await Expect.ErrorAsync(await api.GetAsync("/api/v1/users/me", revoked), 401, "SESSION_REVOKED");

        await using var downstream = await StartDownstreamAsync(app.Issuer);
        using var client = new HttpClient { BaseAddress = downstream.Address };

        var ours = await CallAsync(client, CoreFlowTests.Token(tokens));
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(tokens.GetProperty("user").GetProperty("id").GetString(), await ours.Content.ReadAsStringAsync());

        // Local verification cannot know of the revocation: the token works until it expires.
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, revoked)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, ForeignToken(app.Issuer))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, null)).StatusCode);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/oauth-authorization-server")]
    public async Task Discovery_NamesIssuerKeysAndEndpoints(string path)
    {
        using var client = app.Public();
        var document = await Expect.JsonAsync(await client.GetAsync(new Uri(path, UriKind.Relative)), 200);

        Assert.Equal(app.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(app.Issuer + "/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(app.Issuer + "/api/v1/introspect", document.GetProperty("introspection_endpoint").GetString());
        Assert.Equal(app.Issuer + "/api/v1/auth/refresh", document.GetProperty("token_endpoint").GetString());
        Assert.Equal("ES256", document.GetProperty("id_token_signing_alg_values_supported")[0].GetString());
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return client.SendAsync(request);
    }

    /// <summary>Right issuer, audience and shape, signed by a key that is not ours.</summary>
    private static string ForeignToken(string issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "foreign" }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static async Task<Downstream> StartDownstreamAsync(string issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication().AddJwtBearer(o =>
        {
            o.Authority = issuer;
            o.Audience = Audience;
            o.RequireHttpsMetadata = false; // the test issuer is plain http on loopback
        });
        var web = builder.Build();
        web.UseAuthentication();
        web.UseAuthorization();
        web.MapGet("/whoami", (ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"))
            .RequireAuthorization();
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Downstream(web, new Uri(address));
    }

    public sealed class IssuerApp : AuthServiceApp
    {
        public string Issuer => $"http://127.0.0.1:{PublicPort}";

        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["JWT:ISSUER"] = Issuer };
    }

    private sealed record Downstream(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}

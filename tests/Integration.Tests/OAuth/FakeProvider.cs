using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Integration.Tests.OAuth;

/// <summary>
/// An in-memory OpenID provider behind an HttpMessageHandler, for the adapter's caching and token
/// rules that the real provider cannot be made to break on demand (key rotation, odd algorithms).
/// </summary>
internal sealed class FakeProvider : HttpMessageHandler, IHttpClientFactory
{
    public const string Issuer = "https://idp.example.test";

    public string DiscoveryIssuer { get; set; } = Issuer;

    public List<(RSA Key, string Kid, string? Alg)> Keys { get; } = [];

    public int DiscoveryFetches { get; private set; }

    public int KeyFetches { get; private set; }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    public (RSA Key, string Kid) AddKey(string kid, string? alg = "RS256")
    {
        var rsa = RSA.Create(2048);
        Keys.Add((rsa, kid, alg));
        return (rsa, kid);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        object body = request.RequestUri!.AbsolutePath switch
        {
            "/.well-known/openid-configuration" => Discovery(),
            "/jwks" => Jwks(),
            _ => new { error = "not_found" },
        };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        });
    }

    private object Discovery()
    {
        DiscoveryFetches++;
        return new Dictionary<string, object>
        {
            ["issuer"] = DiscoveryIssuer,
            ["authorization_endpoint"] = Issuer + "/auth",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["code_challenge_methods_supported"] = new[] { "S256" },
        };
    }

    private object Jwks()
    {
        KeyFetches++;
        return new
        {
            keys = Keys.Select(k =>
            {
                var p = k.Key.ExportParameters(false);
                var jwk = new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = k.Kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                };
                if (k.Alg is not null)
                {
                    jwk["alg"] = k.Alg;
                }

                return jwk;
            }).ToList(),
        };
    }
}

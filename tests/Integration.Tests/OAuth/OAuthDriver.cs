using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace AuthService.Integration.Tests.OAuth;

/// <summary>Drives both flows of API.md end to end: our service, the real provider, the app's side.</summary>
public sealed class OAuthDriver(OAuthApp app) : IDisposable
{
    private readonly HttpClient _service = app.NoRedirects();
    private readonly ProviderBrowser _browser = new();

    public ApiClient Api { get; } = app.Api();

    /// <summary>A fresh account name at the providers (they make accounts up from the name).</summary>
    public static string NewLogin(string prefix = "u") => prefix + Guid.NewGuid().ToString("N")[..20];

    public static string EmailOf(string login) => login + "@example.test";

    /// <summary>GET /authorize; returns the response (a 302 to the provider when all is well).</summary>
    public async Task<HttpResponseMessage> AuthorizeAsync(
        string provider, string redirectUri = OAuthApp.AppRedirect, string? intent = null, string? bearer = null, string? state = null,
        string? linkTicket = null)
    {
        var query = new Dictionary<string, string?> { ["redirect_uri"] = redirectUri };
        if (linkTicket is not null)
        {
            query["link_ticket"] = linkTicket;
        }

        if (intent is not null)
        {
            query["intent"] = intent;
        }

        if (state is not null)
        {
            query["state"] = state;
        }

        using var request = new HttpRequestMessage(
            HttpMethod.Get, QueryHelpers.AddQueryString($"/api/v1/auth/oauth/{provider}/authorize", query));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await _service.SendAsync(request);
    }

    /// <summary>Authorize, sign in at the provider: our callback URL as the provider redirects to it.</summary>
    public async Task<Uri> CallbackUrlAsync(string provider, string login, string? intent = null, string? bearer = null)
    {
        using var authorize = await AuthorizeAsync(provider, intent: intent, bearer: bearer, state: "app-state");
        await Expect.StatusAsync(authorize, 302);
        return await SignInAtProviderAsync(provider, authorize.Headers.Location!, login);
    }

    /// <summary>This browser signs in at the provider from a provider URL (its own, or one it was sent): our callback URL.</summary>
    public async Task<Uri> SignInAtProviderAsync(string provider, Uri providerUrl, string login)
    {
        var callback = provider == "github"
            ? await _browser.SignInGitHubAsync(providerUrl, login)
            : await _browser.SignInAsync(providerUrl, login);
        Assert.Equal($"/api/v1/auth/oauth/{provider}/callback", callback.AbsolutePath);
        return callback;
    }

    /// <summary>GET our callback as the browser would; returns the response (302 to the app, or an error).</summary>
    public Task<HttpResponseMessage> FollowCallbackAsync(Uri callback) => _service.GetAsync(callback.PathAndQuery);

    /// <summary>The whole browser flow; the query of the app redirect it ends with.</summary>
    public async Task<Dictionary<string, string>> BrowserFlowAsync(
        string provider, string login, string? intent = null, string? bearer = null)
    {
        using var response = await FollowCallbackAsync(await CallbackUrlAsync(provider, login, intent, bearer));
        await Expect.StatusAsync(response, 302);
        var target = response.Headers.Location!;
        Assert.StartsWith(OAuthApp.AppRedirect + "?", target.AbsoluteUri, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(target.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Browser flow then POST /exchange: the token response.</summary>
    public async Task<JsonElement> LoginAsync(string provider, string login)
    {
        var query = await BrowserFlowAsync(provider, login);
        Assert.True(query.ContainsKey("code"), "Expected a one-time code, got: " + string.Join("&", query));
        Assert.Equal("app-state", query["state"]);
        return await Expect.JsonAsync(await Api.PostAsync("/api/v1/auth/oauth/exchange", new { code = query["code"] }), 200);
    }

    /// <summary>
    /// The app's half of the code-exchange flow: it sends the browser to the provider itself with
    /// its own PKCE pair and nonce, and gets a code back at its redirect URI.
    /// </summary>
    public async Task<AppCode> AppCodeAsync(string provider, string login)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var nonce = Base64Url(RandomNumberGenerator.GetBytes(16));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = OidcTestServices.ClientId,
            ["redirect_uri"] = OAuthApp.AppRedirect,
            ["state"] = "spa",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        Uri back;
        if (provider == "github")
        {
            back = await _browser.SignInGitHubAsync(
                new Uri(QueryHelpers.AddQueryString(OidcTestServices.GitHubUrl + "/login/oauth/authorize", query)), login);
        }
        else
        {
            query["response_type"] = "code";
            query["scope"] = "openid email profile";
            query["nonce"] = nonce;
            back = await _browser.SignInAsync(new Uri(QueryHelpers.AddQueryString(await AuthorizationEndpointAsync(), query)), login);
        }

        var code = QueryHelpers.ParseQuery(back.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), "The provider sent no code: " + back);
        return new AppCode(code, verifier, nonce);
    }

    public Task<HttpResponseMessage> TokenLoginAsync(string provider, AppCode code, string? nonce = null, string redirectUri = OAuthApp.AppRedirect) =>
        Api.PostAsync($"/api/v1/auth/oauth/{provider}/token", new
        {
            code = code.Code,
            code_verifier = code.Verifier,
            redirect_uri = redirectUri,
            nonce = nonce ?? code.Nonce,
        });

    public Task<HttpResponseMessage> LinkAsync(string provider, AppCode code, string bearer) =>
        Api.PostAsync($"/api/v1/users/me/identities/{provider}", new
        {
            code = code.Code,
            code_verifier = code.Verifier,
            redirect_uri = OAuthApp.AppRedirect,
            nonce = code.Nonce,
        }, bearer);

    public async Task<List<JsonElement>> IdentitiesAsync(string bearer)
    {
        var body = await Expect.JsonAsync(await Api.GetAsync("/api/v1/users/me/identities", bearer), 200);
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    public void Dispose()
    {
        _service.Dispose();
        _browser.Dispose();
    }

    private static async Task<string> AuthorizationEndpointAsync()
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonElement>(OidcTestServices.Issuer + "/.well-known/openid-configuration");
        return discovery.GetProperty("authorization_endpoint").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public sealed record AppCode(string Code, string Verifier, string Nonce);
}

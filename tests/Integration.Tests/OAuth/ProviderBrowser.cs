using System.Text.RegularExpressions;

namespace AuthService.Integration.Tests.OAuth;

/// <summary>
/// Plays the user's browser at the provider: follows its redirects with a cookie jar and submits
/// oidc-provider's sign-in and consent forms, until the provider sends the browser back to a
/// client (our callback or an app). Returns that address without visiting it.
/// </summary>
public sealed partial class ProviderBrowser : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
    });

    /// <summary>Signs in at the OpenID provider as <paramref name="login"/> (see tests/oidc/server.js for the names).</summary>
    public async Task<Uri> SignInAsync(Uri authorizeUrl, string login)
    {
        var provider = new Uri(OidcTestServices.Issuer);
        var next = authorizeUrl;
        for (var step = 0; step < 10; step++)
        {
            if (next.Authority != provider.Authority)
            {
                return next;
            }

            using var response = await _http.GetAsync(next);
            if (IsRedirect(response))
            {
                next = new Uri(next, response.Headers.Location!);
                continue;
            }

            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The provider answered {(int)response.StatusCode}: {page}");
            var prompt = PromptField().Match(page).Groups[1].Value;
            var form = prompt switch
            {
                "login" => new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" },
                "consent" => new Dictionary<string, string> { ["prompt"] = "consent" },
                _ => throw new InvalidOperationException("Unexpected provider page: " + page),
            };
            using var submitted = await _http.PostAsync(next, new FormUrlEncodedContent(form));
            Assert.True(IsRedirect(submitted), $"Submitting the {prompt} form answered {(int)submitted.StatusCode}");
            next = new Uri(next, submitted.Headers.Location!);
        }

        throw new InvalidOperationException("The provider never sent the browser back.");
    }

    /// <summary>The GitHub stand-in signs in whoever <c>login</c> names and redirects at once.</summary>
    public async Task<Uri> SignInGitHubAsync(Uri authorizeUrl, string login)
    {
        using var response = await _http.GetAsync(authorizeUrl + "&login=" + Uri.EscapeDataString(login));
        Assert.True(IsRedirect(response), $"The GitHub stand-in answered {(int)response.StatusCode}");
        return response.Headers.Location!;
    }

    public void Dispose() => _http.Dispose();

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    [GeneratedRegex("name=\"prompt\" value=\"([a-z]+)\"")]
    private static partial Regex PromptField();
}

using System.Net.Http.Headers;
using System.Text;

namespace AuthService.Adapters.Oidc;

internal static class TokenRequest
{
    /// <summary>An authorization_code grant request (RFC 6749 4.1.3 with the RFC 7636 verifier).</summary>
    public static HttpRequestMessage AuthorizationCode(
        Uri tokenEndpoint, ProviderSettings provider, string code, string codeVerifier, Uri redirectUri, bool secretInBody)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", redirectUri.OriginalString),
            new("code_verifier", codeVerifier),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint);
        if (provider.ClientSecret is null)
        {
            form.Add(new("client_id", provider.ClientId));
        }
        else if (secretInBody)
        {
            form.Add(new("client_id", provider.ClientId));
            form.Add(new("client_secret", provider.ClientSecret));
        }
        else
        {
            // RFC 6749 2.3.1: both halves are form-encoded before they are joined and base64-encoded.
            var pair = Uri.EscapeDataString(provider.ClientId) + ":" + Uri.EscapeDataString(provider.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(form);
        return request;
    }
}

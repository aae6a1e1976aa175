using System.Text.Json;

namespace AuthService.Adapters.Oidc;

/// <summary>Validates an OpenID Provider configuration document (OpenID Connect Discovery 1.0).</summary>
internal static class DiscoveryDocument
{
    public static ProviderMetadata? Parse(JsonElement doc, string configuredIssuer, out string? problem)
    {
        problem = null;
        var issuer = ProviderJson.String(doc, "issuer", 2048);

        // The document must name the issuer we asked (section 4.3), or anyone able to serve a
        // document could speak for another issuer. A single trailing slash is forgiven.
        if (issuer is null || !string.Equals(issuer.TrimEnd('/'), configuredIssuer.TrimEnd('/'), StringComparison.Ordinal))
        {
            problem = "its issuer does not match the configured issuer";
            return null;
        }

        var authorize = UrlRules.ParseEndpoint(ProviderJson.String(doc, "authorization_endpoint", 2048));
        var token = UrlRules.ParseEndpoint(ProviderJson.String(doc, "token_endpoint", 2048));
        var jwks = UrlRules.ParseEndpoint(ProviderJson.String(doc, "jwks_uri", 2048));
        if (authorize is null || token is null || jwks is null)
        {
            problem = "authorization_endpoint, token_endpoint and jwks_uri must be https URLs (http only on loopback)";
            return null;
        }

        var userinfo = UrlRules.ParseEndpoint(ProviderJson.String(doc, "userinfo_endpoint", 2048));
        var challengeMethods = Strings(doc, "code_challenge_methods_supported");
        var authMethods = Strings(doc, "token_endpoint_auth_methods_supported");

        return new ProviderMetadata(
            issuer,
            authorize,
            token,
            jwks,
            userinfo,
            // Providers that do not advertise PKCE still get it: sending it is harmless, and
            // most support it without saying so.
            SupportsS256: challengeMethods is null || challengeMethods.Contains("S256"),
            // client_secret_basic is the default when the list is absent (Discovery section 3).
            PrefersClientSecretPost: authMethods is not null && !authMethods.Contains("client_secret_basic")
                && authMethods.Contains("client_secret_post"),
            IssuerParameterSupported: ProviderJson.Bool(doc, "authorization_response_iss_parameter_supported") == true);
    }

    private static HashSet<string>? Strings(JsonElement doc, string name)
    {
        if (!doc.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!)
            .Take(64)
            .ToHashSet(StringComparer.Ordinal);
    }
}

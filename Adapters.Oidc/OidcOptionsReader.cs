using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Oidc;

/// <summary>
/// Reads OAUTH__PROVIDERS__&lt;NAME&gt;__{ISSUER|KIND|CLIENT_ID|CLIENT_SECRET|SCOPES|AUTHORIZE_URL|TOKEN_URL|API_URL},
/// OAUTH__REDIRECT_ALLOWLIST, OAUTH__CALLBACK_BASE_URL and the OAUTH__*_SECONDS lifetimes. A bad value is reported with the
/// variable's name and stops the service at start.
/// </summary>
internal static partial class OidcOptionsReader
{
    /// <param name="callbackPrefix">Where the Host maps the provider callbacks, e.g. <c>/api/v1/auth/oauth</c>.</param>
    public static void Read(IConfiguration configuration, OidcOptions options, string callbackPrefix)
    {
        var oauth = configuration.GetSection("OAUTH");
        foreach (var entry in (oauth["REDIRECT_ALLOWLIST"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || (uri.Scheme is not ("http" or "https") && !IsAppScheme(uri)))
            {
                options.Errors.Add($"OAUTH__REDIRECT_ALLOWLIST: '{entry}' is not an absolute URL.");
                continue;
            }

            options.RedirectAllowlist.Add(entry);
        }

        if (ReadSeconds(oauth, "METADATA_CACHE_SECONDS", options) is { } ttl)
        {
            options.MetadataLifetime = ttl;
        }

        if (ReadSeconds(oauth, "HTTP_TIMEOUT_SECONDS", options) is { } timeout)
        {
            options.HttpTimeout = timeout;
        }

        if (ReadSeconds(oauth, "STATE_TTL_SECONDS", options) is { } stateTtl)
        {
            options.StateLifetime = stateTtl;
        }

        if (ReadSeconds(oauth, "EXCHANGE_CODE_TTL_SECONDS", options) is { } codeTtl)
        {
            options.ExchangeCodeLifetime = codeTtl;
        }

        var callbackBase = CallbackBase(configuration, options);
        foreach (var section in oauth.GetSection("PROVIDERS").GetChildren())
        {
            if (ReadProvider(section, callbackBase + callbackPrefix, options) is { } provider)
            {
                options.Providers[provider.Name] = provider;
            }
        }
    }

    private static ProviderSettings? ReadProvider(IConfigurationSection section, string callbackRoot, OidcOptions options)
    {
        var name = section.Key.ToLowerInvariant();
        var prefix = $"OAUTH__PROVIDERS__{section.Key.ToUpperInvariant()}__";
        if (!ProviderName().IsMatch(name))
        {
            options.Errors.Add($"{prefix}*: the provider name must be 1-32 letters, digits, '-' or '_'.");
            return null;
        }

        var kindText = section["KIND"]?.Trim().ToLowerInvariant();
        var kind = kindText switch
        {
            null or "" or "oidc" => ProviderKind.Oidc,
            "github" => ProviderKind.GitHub,
            _ => (ProviderKind?)null,
        };
        if (kind is null)
        {
            options.Errors.Add($"{prefix}KIND: must be 'oidc' or 'github'.");
            return null;
        }

        var clientId = section["CLIENT_ID"]?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            options.Errors.Add($"{prefix}CLIENT_ID: is required.");
            return null;
        }

        var secret = section["CLIENT_SECRET"];
        var callback = new Uri(callbackRoot + "/" + name + "/callback");
        if (kind == ProviderKind.GitHub)
        {
            var authorize = Endpoint(section, "AUTHORIZE_URL", "https://github.com/login/oauth/authorize", prefix, options);
            var token = Endpoint(section, "TOKEN_URL", "https://github.com/login/oauth/access_token", prefix, options);
            var api = Endpoint(section, "API_URL", "https://api.github.com", prefix, options);
            if (string.IsNullOrEmpty(secret))
            {
                options.Errors.Add($"{prefix}CLIENT_SECRET: is required for GitHub.");
            }

            return authorize is null || token is null || api is null || string.IsNullOrEmpty(secret)
                ? null
                : new ProviderSettings(name, ProviderKind.GitHub, null, clientId, secret,
                    Scopes(section, "read:user user:email"), authorize, token, api, callback);
        }

        var issuer = section["ISSUER"]?.Trim();
        if (string.IsNullOrEmpty(issuer) || UrlRules.ParseEndpoint(issuer) is not { } issuerUri || !string.IsNullOrEmpty(issuerUri.Query))
        {
            options.Errors.Add($"{prefix}ISSUER: must be an https URL without query (http only for 127.0.0.1, ::1 or localhost).");
            return null;
        }

        return new ProviderSettings(name, ProviderKind.Oidc, issuer, clientId, string.IsNullOrEmpty(secret) ? null : secret,
            Scopes(section, "openid email profile"), null, null, null, callback);
    }

    private static Uri? Endpoint(IConfigurationSection section, string key, string fallback, string prefix, OidcOptions options)
    {
        var value = section[key]?.Trim();
        var uri = UrlRules.ParseEndpoint(string.IsNullOrEmpty(value) ? fallback : value);
        if (uri is null)
        {
            options.Errors.Add($"{prefix}{key}: must be an https URL (http only for 127.0.0.1, ::1 or localhost).");
        }

        return uri;
    }

    private static string Scopes(IConfigurationSection section, string fallback)
    {
        var scopes = section["SCOPES"]?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return scopes is { Length: > 0 } ? string.Join(' ', scopes) : fallback;
    }

    private static string CallbackBase(IConfiguration configuration, OidcOptions options)
    {
        var configured = configuration["OAUTH:CALLBACK_BASE_URL"] ?? configuration["JWT:ISSUER"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var port = configuration["SERVER:PUBLIC_PORT"] ?? "8001";
            configured = $"http://127.0.0.1:{port}";
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            options.Errors.Add("OAUTH__CALLBACK_BASE_URL: must be the absolute http(s) address of the public listener.");
            return "http://127.0.0.1:8001";
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static TimeSpan? ReadSeconds(IConfigurationSection oauth, string key, OidcOptions options)
    {
        var value = oauth[key];
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        options.Errors.Add($"OAUTH__{key}: must be a whole number of seconds between 1 and 86400.");
        return null;
    }

    // Mobile apps return to custom schemes such as com.example.app:/oauth (RFC 8252 section 7.1).
    private static bool IsAppScheme(Uri uri) => uri.Scheme.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();
}

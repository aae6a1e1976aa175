namespace AuthService.Application.OAuth;

/// <summary>Bound by Adapters.Oidc from OAUTH__REDIRECT_ALLOWLIST, OAUTH__STATE_TTL_SECONDS and OAUTH__EXCHANGE_CODE_TTL_SECONDS.</summary>
public sealed class OAuthSettings
{
    /// <summary>App addresses the service may send a browser (and a one-time code) to; exact matches only.</summary>
    public IReadOnlyList<string> RedirectAllowlist { get; set; } = [];

    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan ExchangeCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    // Ordinal and exact: no prefix, case or trailing-slash leniency, which is how open
    // redirects and code leaks to look-alike addresses happen (RFC 9700 section 4.1.3).
    public bool IsAllowedRedirect(string? uri) =>
        uri is not null && RedirectAllowlist.Contains(uri, StringComparer.Ordinal);
}

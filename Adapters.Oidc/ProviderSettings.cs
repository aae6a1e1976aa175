namespace AuthService.Adapters.Oidc;

/// <summary>One configured provider (OAUTH__PROVIDERS__&lt;NAME&gt;__*), checked at start.</summary>
internal sealed record ProviderSettings(
    string Name,
    ProviderKind Kind,
    string? Issuer,
    string ClientId,
    string? ClientSecret,
    string Scopes,
    Uri? AuthorizeUrl,
    Uri? TokenUrl,
    Uri? ApiUrl,
    Uri CallbackUrl);

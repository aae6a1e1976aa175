namespace AuthService.Adapters.Oidc;

internal enum ProviderKind
{
    /// <summary>OpenID Connect, configured by discovery from the issuer.</summary>
    Oidc,

    /// <summary>GitHub's plain OAuth 2.0: the user from the REST API, no ID token.</summary>
    GitHub,
}

namespace AuthService.Adapters.Oidc;

/// <summary>The parts of an OpenID Provider's discovery document we rely on, validated.</summary>
internal sealed record ProviderMetadata(
    string Issuer,
    Uri AuthorizationEndpoint,
    Uri TokenEndpoint,
    Uri JwksUri,
    Uri? UserinfoEndpoint,
    bool SupportsS256,
    bool PrefersClientSecretPost,
    bool IssuerParameterSupported);

namespace AuthService.Adapters.Http.Contracts;

/// <summary>
/// Authorization server metadata (RFC 8414, and the OpenID Connect discovery fields a token
/// validator reads): enough for a downstream JwtBearer with only Authority (and Audience) set.
/// </summary>
public sealed record DiscoveryDocument(
    string Issuer,
    string JwksUri,
    string TokenEndpoint,
    string IntrospectionEndpoint,
    IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> ResponseTypesSupported,
    IReadOnlyList<string> SubjectTypesSupported,
    IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> IntrospectionEndpointAuthMethodsSupported)
{
    public static DiscoveryDocument For(string issuer)
    {
        var root = issuer.TrimEnd('/');
        return new DiscoveryDocument(
            Issuer: issuer,
            JwksUri: root + "/.well-known/jwks.json",
            TokenEndpoint: root + HttpAdapter.ApiPrefix + "/auth/refresh",
            IntrospectionEndpoint: root + HttpAdapter.ApiPrefix + "/introspect",
            GrantTypesSupported: ["refresh_token"],

            // Sign-in is this service's own API (password, codes, upstream OAuth), not an authorization endpoint.
            ResponseTypesSupported: [],
            SubjectTypesSupported: ["public"],
            IdTokenSigningAlgValuesSupported: ["ES256"],
            TokenEndpointAuthMethodsSupported: ["none"],

            // A service key in X-API-Key (scope introspect), issued by an admin.
            IntrospectionEndpointAuthMethodsSupported: ["api_key"]);
    }
}

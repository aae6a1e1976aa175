namespace AuthService.Application.OAuth;

/// <summary>What we ask a provider to show the user: our state, nonce and PKCE challenge.</summary>
public sealed record OAuthAuthorizationRequest(string Provider, string State, string Nonce, string CodeChallenge);

/// <summary>
/// A provider's authorization code to redeem. <paramref name="RedirectUri"/> is null for our own
/// callback (browser flow) and the app's address in the code-exchange flow;
/// <paramref name="ExpectedNonce"/> is null only when the app did not send one;
/// <paramref name="ResponseIssuer"/> is the callback's <c>iss</c> parameter (RFC 9207), if any.
/// </summary>
public sealed record OAuthCodeRedemption(
    string Provider,
    string Code,
    string CodeVerifier,
    string? RedirectUri,
    string? ExpectedNonce,
    string? ResponseIssuer = null);

/// <summary>
/// The upstream OAuth 2.0 / OpenID Connect providers. Implementations verify everything the
/// provider says (ID token signature, issuer, audience, lifetime, nonce) before returning an
/// identity; failures are <see cref="ErrorCode.OAuthProviderError"/> or, for a token that was
/// not issued for this request, <see cref="ErrorCode.InvalidOAuthState"/>.
/// </summary>
public interface IOAuthProviderGateway
{
    /// <summary>Provider names (lower case) as they appear in paths.</summary>
    IReadOnlyCollection<string> Providers { get; }

    bool IsConfigured(string provider);

    Task<Result<Uri>> BuildAuthorizationUrlAsync(OAuthAuthorizationRequest request, CancellationToken ct);

    Task<Result<ProviderIdentity>> RedeemCodeAsync(OAuthCodeRedemption redemption, CancellationToken ct);
}

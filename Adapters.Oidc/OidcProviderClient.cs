using System.Text.Json;
using AuthService.Application.OAuth;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Oidc;

/// <summary>The authorization-code flow against an OpenID provider configured by discovery.</summary>
internal sealed class OidcProviderClient(
    OidcMetadataCache cache,
    IdTokenValidator validator,
    ProviderHttp http,
    ILogger<OidcProviderClient> logger)
{
    public async Task<Result<Uri>> BuildAuthorizationUrlAsync(
        ProviderSettings provider, OAuthAuthorizationRequest request, CancellationToken ct)
    {
        if (await cache.GetMetadataAsync(provider, ct) is not { } metadata)
        {
            return Unavailable(provider);
        }

        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = provider.CallbackUrl.OriginalString,
            ["scope"] = provider.Scopes,
            ["state"] = request.State,
            ["nonce"] = request.Nonce,
        };
        if (metadata.SupportsS256)
        {
            query["code_challenge"] = request.CodeChallenge;
            query["code_challenge_method"] = "S256";
        }

        return new Uri(QueryHelpers.AddQueryString(metadata.AuthorizationEndpoint.OriginalString, query));
    }

    public async Task<Result<ProviderIdentity>> RedeemAsync(
        ProviderSettings provider, OAuthCodeRedemption redemption, CancellationToken ct)
    {
        if (await cache.GetMetadataAsync(provider, ct) is not { } metadata)
        {
            return Unavailable(provider);
        }

        var ourCallback = redemption.RedirectUri is null;

        // RFC 9207: the authorization response names its issuer, so a response from another
        // provider (a mix-up attack) is caught before its code goes anywhere.
        if (ourCallback && (redemption.ResponseIssuer is not null || metadata.IssuerParameterSupported)
            && redemption.ResponseIssuer != metadata.Issuer)
        {
            return new Error(ErrorCode.InvalidOAuthState, "The authorization response came from another issuer.");
        }

        var redirect = redemption.RedirectUri is null ? provider.CallbackUrl : new Uri(redemption.RedirectUri);
        var (status, body) = await http.SendDisposingAsync(
            TokenRequest.AuthorizationCode(metadata.TokenEndpoint, provider, redemption.Code, redemption.CodeVerifier, redirect, metadata.PrefersClientSecretPost),
            ct);
        if (status != 200 || body is not { ValueKind: JsonValueKind.Object } tokens)
        {
            var code = body is { } b ? ProviderJson.ErrorCode(b) : null;
            logger.LogWarning("OAuth provider {Provider}: token endpoint answered {Status} {Error}", provider.Name, status, code);
            return new Error(ErrorCode.OAuthProviderError,
                code == "invalid_grant"
                    ? "The provider rejected the authorization code (expired, used, or issued for another request)."
                    : "The provider did not issue tokens.");
        }

        if (ProviderJson.String(tokens, "id_token", 16 * 1024) is not { } idToken)
        {
            return ProviderError(provider, "the token response has no ID token");
        }

        var checkedToken = await validator.ValidateAsync(idToken, provider, metadata, redemption.ExpectedNonce, ct);
        if (checkedToken.Failure == IdTokenFailure.NonceMismatch)
        {
            logger.LogWarning("OAuth provider {Provider}: ID token nonce does not match the request", provider.Name);
            return new Error(ErrorCode.InvalidOAuthState, "The ID token was not issued for this sign-in request (nonce mismatch).");
        }

        if (checkedToken.Token is not { } token)
        {
            return ProviderError(provider, "ID token rejected: " + checkedToken.Reason);
        }

        var claims = JsonDocument.Parse(Base64UrlJson(token.EncodedPayload)).RootElement.Clone();
        var subject = ProviderJson.Subject(ProviderJson.String(claims, "sub", ProviderJson.MaxSubjectLength));
        if (subject is null)
        {
            return ProviderError(provider, "ID token has no usable sub");
        }

        if (ProviderJson.String(claims, "email", 320) is null && metadata.UserinfoEndpoint is not null
            && ProviderJson.String(tokens, "access_token", 8192) is { } accessToken)
        {
            var (infoStatus, info) = await http.GetAsync(metadata.UserinfoEndpoint, ct, accessToken);

            // Userinfo answers for whoever holds the token; it must be the same subject (Core 5.3.4).
            if (infoStatus != 200 || info is not { ValueKind: JsonValueKind.Object } userinfo
                || ProviderJson.String(userinfo, "sub", ProviderJson.MaxSubjectLength) != subject)
            {
                return ProviderError(provider, "userinfo failed or named another subject");
            }

            claims = userinfo;
        }

        var email = ProviderJson.Email(ProviderJson.String(claims, "email", 320));
        return new ProviderIdentity(
            provider.Name,
            subject,
            email,
            email is not null && ProviderJson.IsTrue(claims, "email_verified"),
            ProviderJson.Name(ProviderJson.String(claims, "name", 1024)),
            ProviderJson.AvatarUrl(ProviderJson.String(claims, "picture", ProviderJson.MaxUrlLength)));
    }

    private Error ProviderError(ProviderSettings provider, string reason)
    {
        logger.LogWarning("OAuth provider {Provider}: {Reason}", provider.Name, reason);
        return new Error(ErrorCode.OAuthProviderError, "The provider's answer could not be verified.");
    }

    private static Error Unavailable(ProviderSettings provider) =>
        new(ErrorCode.OAuthProviderError, $"The {provider.Name} provider cannot be reached right now.");

    private static byte[] Base64UrlJson(string encoded) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(encoded);
}

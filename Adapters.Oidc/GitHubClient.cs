using System.Text.Json;
using AuthService.Application.OAuth;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Oidc;

/// <summary>
/// GitHub as a plain OAuth 2.0 provider: no ID token, so the account comes from GET /user (its
/// numeric id is the stable subject; the login can be renamed) and the address from
/// GET /user/emails, where GitHub says whether the primary one is verified.
/// </summary>
internal sealed class GitHubClient(ProviderHttp http, ILogger<GitHubClient> logger)
{
    private const int MaxEmailsConsidered = 100;

    public Result<Uri> BuildAuthorizationUrl(ProviderSettings provider, OAuthAuthorizationRequest request)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = provider.CallbackUrl.OriginalString,
            ["scope"] = provider.Scopes,
            ["state"] = request.State,
            ["code_challenge"] = request.CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        return new Uri(QueryHelpers.AddQueryString(provider.AuthorizeUrl!.OriginalString, query));
    }

    public async Task<Result<ProviderIdentity>> RedeemAsync(
        ProviderSettings provider, OAuthCodeRedemption redemption, CancellationToken ct)
    {
        var redirect = redemption.RedirectUri is null ? provider.CallbackUrl : new Uri(redemption.RedirectUri);

        // GitHub wants the credentials in the body and reports errors with status 200.
        var (status, body) = await http.SendDisposingAsync(
            TokenRequest.AuthorizationCode(provider.TokenUrl!, provider, redemption.Code, redemption.CodeVerifier, redirect, secretInBody: true),
            ct);
        if (status != 200 || body is not { ValueKind: JsonValueKind.Object } tokens
            || ProviderJson.String(tokens, "access_token", 8192) is not { } accessToken)
        {
            var code = body is { } b ? ProviderJson.ErrorCode(b) : null;
            logger.LogWarning("OAuth provider {Provider}: token endpoint answered {Status} {Error}", provider.Name, status, code);
            return new Error(ErrorCode.OAuthProviderError, "The provider rejected the authorization code.");
        }

        var (userStatus, userBody) = await SendApiAsync(provider, "user", accessToken, ct);
        if (userStatus != 200 || userBody is not { ValueKind: JsonValueKind.Object } user
            || !user.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number
            || !idElement.TryGetInt64(out var id) || id <= 0)
        {
            return ProviderError(provider, $"GET /user answered {userStatus} without a numeric id");
        }

        var (emailsStatus, emailsBody) = await SendApiAsync(provider, "user/emails", accessToken, ct);
        if (emailsStatus != 200 || emailsBody is not { ValueKind: JsonValueKind.Array } emails)
        {
            return ProviderError(provider, $"GET /user/emails answered {emailsStatus}");
        }

        var (email, verified) = PrimaryEmail(emails);
        var name = ProviderJson.Name(ProviderJson.String(user, "name", 1024))
            ?? ProviderJson.Name(ProviderJson.String(user, "login", 64));
        return new ProviderIdentity(
            provider.Name,
            id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            email,
            verified,
            name,
            ProviderJson.AvatarUrl(ProviderJson.String(user, "avatar_url", ProviderJson.MaxUrlLength)));
    }

    private static (string? Email, bool Verified) PrimaryEmail(JsonElement emails)
    {
        foreach (var entry in emails.EnumerateArray().Take(MaxEmailsConsidered))
        {
            if (ProviderJson.Bool(entry, "primary") == true
                && ProviderJson.Email(ProviderJson.String(entry, "email", 320)) is { } email)
            {
                return (email, ProviderJson.Bool(entry, "verified") == true);
            }
        }

        return (null, false);
    }

    private Task<(int Status, JsonElement? Body)> SendApiAsync(
        ProviderSettings provider, string path, string accessToken, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(provider.ApiUrl!.OriginalString.TrimEnd('/') + "/" + path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        return http.SendDisposingAsync(request, ct);
    }

    private Error ProviderError(ProviderSettings provider, string reason)
    {
        logger.LogWarning("OAuth provider {Provider}: {Reason}", provider.Name, reason);
        return new Error(ErrorCode.OAuthProviderError, "The provider's answer could not be used.");
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using AuthService.Application.ApiKeys;
using AuthService.Application.Auth;
using AuthService.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Http.Auth;

/// <summary>
/// Authenticates `Authorization: Bearer` access tokens through the Application use case and
/// answers challenges with the contract's envelope, naming why (expired, revoked, invalid).
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAuthenticateAccessToken authenticate,
    IAuthenticateApiKey authenticateApiKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Present only on principals from an access token: what session-bound routes require.</summary>
    public const string SessionClaim = "sid";

    private const string FailureKey = "authservice.auth_failure";
    private const string ApiKeyHeader = "X-API-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            string? apiKey = Request.Headers[ApiKeyHeader];
            return string.IsNullOrEmpty(apiKey) ? AuthenticateResult.NoResult() : await AuthenticateApiKeyAsync(apiKey);
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            Context.Items[FailureKey] = new Error(ErrorCode.InvalidToken, "The Authorization header must be 'Bearer <token>'.");
            return AuthenticateResult.Fail("Unsupported authorization scheme.");
        }

        var result = await authenticate.ExecuteAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (!result.IsSuccess)
        {
            Context.Items[FailureKey] = result.Error;
            return AuthenticateResult.Fail(result.Error!.Message);
        }

        return Success(result.Value, new Claim(SessionClaim, result.Value.SessionId.ToString()));
    }

    /// <summary>
    /// An API key stands for its owner without a session: no sid claim, so only routes that
    /// opt in (reads such as the profile and usage) accept it; it can never manage sessions,
    /// keys or the account, nor reach the admin API.
    /// </summary>
    private async Task<AuthenticateResult> AuthenticateApiKeyAsync(string key)
    {
        var result = await authenticateApiKey.ExecuteAsync(key, Context.RequestAborted);
        if (!result.IsSuccess)
        {
            Context.Items[FailureKey] = new Error(ErrorCode.InvalidToken, "The API key is not valid.");
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var (apiKey, user) = (result.Value.ApiKey, result.Value.User);
        return Success(new CurrentPrincipal(
            user.Id, Guid.Empty, user.Email, user.Roles, user.Plan, string.Join(' ', apiKey.Scopes),
            apiKey.ExpiresAt ?? DateTimeOffset.MaxValue));
    }

    private AuthenticateResult Success(CurrentPrincipal principal, params Claim[] extra)
    {
        Context.SetCurrentPrincipal(principal);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, principal.UserId.ToString()) };
        claims.AddRange(extra);
        claims.AddRange(principal.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = Context.Items[FailureKey] as Error
            ?? new Error(ErrorCode.Unauthorized, "Authentication is required.");
        Response.Headers.WWWAuthenticate = error.Code == ErrorCode.Unauthorized
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        return ErrorEnvelope.WriteAsync(Context, error);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ErrorEnvelope.WriteAsync(Context, new Error(ErrorCode.Forbidden, "You are not allowed to do this."));
}

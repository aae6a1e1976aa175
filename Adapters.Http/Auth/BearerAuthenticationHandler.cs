using System.Security.Claims;
using System.Text.Encodings.Web;
using AuthService.Adapters.Http.Errors;
using AuthService.Application.Auth;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
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
    IAuthenticateAccessToken authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string FailureKey = "authservice.auth_failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
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

        var principal = result.Value;
        Context.SetCurrentPrincipal(principal);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, principal.UserId.ToString()),
            new("sid", principal.SessionId.ToString()),
        };
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

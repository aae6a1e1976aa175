using AuthService.Application.Abstractions;
using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.Common;
using AuthService.Application.Mfa;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>The second step of sign-in (/auth/mfa) and the management of one's own factors (/users/me/mfa).</summary>
public static class MfaEndpoints
{
    public static IEndpointRouteBuilder MapMfaSignInEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSignInStepGroup("Second factor");
        group.MapPost("/verify", Verify).WithName("VerifyMfa")
            .WithSummary("Finish a sign-in with the mfa_token and a TOTP or recovery code")
            .WithDescription("Answers the token response. 400 INVALID_MFA_CODE for a wrong or replayed code; after 5 wrong codes, or once used or expired (5 minutes), the mfa_token is void (401 INVALID_TOKEN).")
            .Fails(ErrorCode.InvalidMfaCode, ErrorCode.InvalidToken, ErrorCode.AccountDisabled, ErrorCode.SessionLimitReached)
            .RequestExample(new { mfa_token = "the mfa_token of the MFA_REQUIRED answer", code = "123456" })
            .RateLimited(new Limit(RateLimitPolicies.MfaVerify, Partitions.Ip));
        return routes;
    }

    public static IEndpointRouteBuilder MapMfaEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSignedInGroup("Second factor");
        group.MapGet("/", Status).WithName("GetMfaStatus").WithSummary("Which second factors the user has")
            .WithDescription("`totp`, the number of `passkeys` and of unused `recovery_codes_left`.");
        group.MapPost("/totp", Enrol).WithName("EnrolTotp")
            .WithSummary("Start TOTP enrolment: the secret, the otpauth:// URI and its QR code as SVG (pending until confirmed)")
            .WithDescription("Show the QR code (or the secret) to the user's authenticator app, then confirm with its first code. "
                + "A user who already has a factor needs a session that passed MFA (403 FORBIDDEN otherwise).")
            .Fails(ErrorCode.ValidationError, ErrorCode.Forbidden);
        group.MapPost("/totp/confirm", Confirm).WithName("ConfirmTotp")
            .WithSummary("Confirm TOTP with a first code; answers the 10 recovery codes, shown once")
            .WithDescription("From now on password, one-time-code and OAuth sign-ins answer 403 MFA_REQUIRED first.")
            .Fails(ErrorCode.InvalidMfaCode, ErrorCode.Forbidden)
            .RequestExample(new { code = "123456" });
        group.MapDelete("/totp", Disable).WithName("DisableTotp").WithSummary("Turn TOTP off (body: a TOTP or recovery code)")
            .WithDescription("Needs a session that passed MFA and a current TOTP or recovery code in the body.")
            .OptionalBody<MfaCodeRequest>()
            .Fails(ErrorCode.InvalidMfaCode, ErrorCode.NotFound, ErrorCode.Forbidden, ErrorCode.MalformedRequest)
            .RequestExample(new { code = "123456" });
        group.MapPost("/recovery-codes", Regenerate).WithName("RegenerateRecoveryCodes")
            .WithSummary("Replace the recovery codes (body: a TOTP or recovery code); the old ones stop working")
            .WithDescription("Answers 10 new recovery codes, shown once.")
            .Fails(ErrorCode.InvalidMfaCode, ErrorCode.Forbidden)
            .RequestExample(new { code = "123456" });
        return routes;
    }

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> Verify(
        MfaVerifyRequest body, HttpContext http, IVerifyMfa useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new VerifyMfaCommand(body.MfaToken, body.Code, http.ClientInfo()), ct))
            .ToOkNoStore(http, TokenResponseDto.From);

    private static async Task<Ok<MfaStatusResponse>> Status(HttpContext http, IGetMfaStatus useCase, CancellationToken ct) =>
        TypedResults.Ok(MfaStatusResponse.From(await useCase.ExecuteAsync(http.CurrentPrincipal(), ct)));

    private static async Task<Results<Created<TotpEnrolmentResponse>, ErrorResult>> Enrol(
        HttpContext http, IEnrolTotp useCase, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var result = await useCase.ExecuteAsync(http.CurrentPrincipal(), ct);
        return result.IsSuccess
            ? TypedResults.Created((string?)null, TotpEnrolmentResponse.From(result.Value))
            : new ErrorResult(result.Error!);
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ErrorResult>> Confirm(
        MfaCodeRequest body, HttpContext http, IConfirmTotp useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new ConfirmTotpCommand(http.CurrentPrincipal(), body.Code, http.ClientInfo()), ct))
            .ToOkNoStore(http, codes => new RecoveryCodesResponse(codes));

    // A DELETE body is read by hand: clients often send none (then a 422 names the missing code),
    // and a declared body would make routing refuse a request without a JSON content type.
    private static async Task<Results<NoContent, ErrorResult>> Disable(HttpContext http, IDisableTotp useCase, CancellationToken ct)
    {
        var body = await OptionalJsonBody.ReadAsync<MfaCodeRequest>(http, ct);
        return body.IsSuccess
            ? (await useCase.ExecuteAsync(new DisableTotpCommand(http.CurrentPrincipal(), body.Value?.Code, http.ClientInfo()), ct)).ToNoContent()
            : new ErrorResult(body.Error!);
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ErrorResult>> Regenerate(
        MfaCodeRequest? body, HttpContext http, IRegenerateRecoveryCodes useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new RegenerateRecoveryCodesCommand(http.CurrentPrincipal(), body?.Code, http.ClientInfo()), ct))
            .ToOkNoStore(http, codes => new RecoveryCodesResponse(codes));
}

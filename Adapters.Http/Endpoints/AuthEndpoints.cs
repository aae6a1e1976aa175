using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Login;
using AuthService.Application.Registration;
using AuthService.Application.Sessions;
using AuthService.Application.Users;

namespace AuthService.Adapters.Http.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Authentication");

        group.MapPost("/register", Register).WithName("Register").WithSummary("Create an account and send a verification code")
            .WithDescription("Give `email` and/or `phone` and a `password` (12 to 128 characters, not a common or breached one). "
                + "A 6-digit code goes to the email (or by SMS when only a phone is given); verify it before signing in. "
                + "While registration is invite-only (`AUTH__REGISTRATION=invite_only`), `invite_token` must be an unused, unexpired "
                + "invitation from the admin API (one bound to an email registers only that email), else 403 `INVITE_REQUIRED`.")
            .Fails(ErrorCode.IdentifierTaken, ErrorCode.InviteRequired)
            .RequestExample(new { email = "ada@example.com", password = "correct horse battery staple", name = "Ada" })
            .NeedsHashing()
            .RateLimited(new Limit(RateLimitPolicies.Register, Partitions.Ip));
        group.MapPost("/verify/email", VerifyEmail).WithName("VerifyEmail").WithSummary("Verify an email address with its code")
            .WithDescription("Codes are single use and live 10 minutes; the fifth wrong code voids the code (`OTP_ATTEMPTS_EXCEEDED`).")
            .Fails(ErrorCode.InvalidOtp, ErrorCode.OtpExpired, ErrorCode.OtpAttemptsExceeded)
            .RequestExample(new { email = "ada@example.com", code = "123456" })
            .RateLimited(new Limit(RateLimitPolicies.Verify, Partitions.Identifier<VerifyEmailRequest>(b => b.Email)));
        group.MapPost("/verify/phone", VerifyPhone).WithName("VerifyPhone").WithSummary("Verify a phone number with its code")
            .WithDescription("The phone number in E.164 form and the 6-digit code sent to it by SMS.")
            .Fails(ErrorCode.InvalidOtp, ErrorCode.OtpExpired, ErrorCode.OtpAttemptsExceeded)
            .RequestExample(new { phone = "+14155550123", code = "123456" })
            .RateLimited(new Limit(RateLimitPolicies.Verify, Partitions.Identifier<VerifyPhoneRequest>(b => b.Phone)));
        group.MapPost("/verify/resend", Resend).WithName("ResendVerification").WithSummary("Send a new verification code")
            .WithDescription("Give `email` or `phone`. Answers 202 whether or not the address is registered; one code per address per minute.")
            .RequestExample(new { email = "ada@example.com" })
            .RateLimited(new Limit(RateLimitPolicies.Resend, Partitions.Ip));
        group.MapPost("/login", Login).WithName("Login").WithSummary("Sign in with a password")
            .WithDescription("Give the `password` and exactly one of `email`, `phone` or `username`. An unknown account and a wrong "
                + "password get the same `INVALID_CREDENTIALS`; repeated failures lock password sign-in for that identifier (423).")
            .Fails(ErrorCode.InvalidCredentials, ErrorCode.EmailNotVerified, ErrorCode.AccountDisabled, ErrorCode.AccountLocked, ErrorCode.MfaRequired,
                ErrorCode.SessionLimitReached)
            .RequestExample(new { email = "ada@example.com", password = "correct horse battery staple", device_name = "laptop" })
            .NeedsHashing()
            .RateLimited(
                new Limit(RateLimitPolicies.LoginIp, Partitions.Ip),
                new Limit(RateLimitPolicies.Login, Partitions.IpAndIdentifier<LoginRequest>(b => b.Email ?? b.Phone ?? b.Username)));
        group.MapPost("/otp/start", StartOtp).WithName("StartOtpLogin").WithSummary("Send a one-time sign-in code")
            .WithDescription("Give `email` or `phone`. Answers 202 whether or not the account exists; one code per address per minute.")
            .RequestExample(new { email = "ada@example.com" })
            .RateLimited(new Limit(RateLimitPolicies.OtpStart, Partitions.Ip));
        group.MapPost("/otp/verify", VerifyOtp).WithName("VerifyOtpLogin").WithSummary("Sign in with a one-time code")
            .WithDescription("The `email` or `phone` the code went to and the 6-digit `code`; answers a token response.")
            .Fails(ErrorCode.InvalidOtp, ErrorCode.OtpExpired, ErrorCode.OtpAttemptsExceeded, ErrorCode.AccountDisabled, ErrorCode.MfaRequired,
                ErrorCode.SessionLimitReached)
            .RequestExample(new { email = "ada@example.com", code = "123456", device_name = "phone" })
            .RateLimited(new Limit(RateLimitPolicies.OtpVerify, Partitions.Identifier<OtpVerifyRequest>(b => b.Email ?? b.Phone)));
        group.MapPost("/refresh", Refresh).WithName("Refresh").WithSummary("Rotate the refresh token and get a new access token")
            .WithDescription("Every use returns a new `refresh_token`; keep only the newest. Replaying an already-rotated token after "
                + "the grace period (10 s) revokes the whole session and answers `TOKEN_REUSED`.")
            .Fails(ErrorCode.InvalidToken, ErrorCode.TokenExpired, ErrorCode.TokenReused, ErrorCode.SessionRevoked, ErrorCode.AccountDisabled)
            .RequestExample(new { refresh_token = "Xb3k9...the refresh_token of the last token response" })
            .RateLimited(new Limit(RateLimitPolicies.Refresh, Partitions.RefreshSession));
        group.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke the current session")
            .WithDescription("Ends the session of the access token sent; its access and refresh tokens stop working within a second.")
            .RequireAuthorization();
        group.MapPost("/password/forgot", Forgot).WithName("ForgotPassword").WithSummary("Send a password reset code")
            .WithDescription("Answers 202 whether or not the account exists; the code arrives by email.")
            .RequestExample(new { email = "ada@example.com" })
            .RateLimited(new Limit(RateLimitPolicies.Forgot, Partitions.Ip));
        group.MapPost("/password/reset", Reset).WithName("ResetPassword").WithSummary("Set a new password with a reset code")
            .WithDescription("Sets the new password, revokes every session and API key of the account and lifts a sign-in lock.")
            .Fails(ErrorCode.InvalidOtp, ErrorCode.OtpExpired, ErrorCode.OtpAttemptsExceeded)
            .RequestExample(new { email = "ada@example.com", code = "123456", new_password = "another long passphrase" })
            .NeedsHashing()
            .RateLimited(new Limit(RateLimitPolicies.Reset, Partitions.Identifier<ResetPasswordRequest>(b => b.Email)));
        return routes;
    }

    private static async Task<Results<Created<RegisterResponse>, ErrorResult>> Register(
        RegisterRequest body, HttpContext http, IRegisterUser useCase, CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(
            new RegisterCommand(body.Email, body.Phone, body.Password ?? "", body.Username, body.Name, http.ClientInfo(), body.InviteToken), ct);
        return result.IsSuccess
            ? TypedResults.Created((string?)null, new RegisterResponse(
                result.Value.UserId, new VerificationInfo(result.Value.Channel, result.Value.ExpiresIn)))
            : new ErrorResult(result.Error!);
    }

    private static Task<Results<Ok<VerifiedResponse>, ErrorResult>> VerifyEmail(
        VerifyEmailRequest body, HttpContext http, IVerifyContact useCase, CancellationToken ct) =>
        VerifyAsync(new VerifyContactCommand(body.Email ?? "", null, body.Code ?? "", http.ClientInfo()), useCase, ct);

    private static Task<Results<Ok<VerifiedResponse>, ErrorResult>> VerifyPhone(
        VerifyPhoneRequest body, HttpContext http, IVerifyContact useCase, CancellationToken ct) =>
        VerifyAsync(new VerifyContactCommand(null, body.Phone ?? "", body.Code ?? "", http.ClientInfo()), useCase, ct);

    private static async Task<Results<Ok<VerifiedResponse>, ErrorResult>> VerifyAsync(
        VerifyContactCommand command, IVerifyContact useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(command, ct)).ToOk(_ => new VerifiedResponse(true));

    private static async Task<Results<Accepted, ErrorResult>> Resend(
        ContactRequest body, IResendVerification useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new ResendVerificationCommand(body.Email, body.Phone), ct)).ToAccepted();

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> Login(
        LoginRequest body, HttpContext http, ILogin useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            new LoginCommand(body.Email, body.Phone, body.Username, body.Password ?? "", body.DeviceName, http.ClientInfo()), ct))
        .ToOk(TokenResponseDto.From);

    private static async Task<Results<Accepted, ErrorResult>> StartOtp(
        ContactRequest body, IStartOtpLogin useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new StartOtpLoginCommand(body.Email, body.Phone), ct)).ToAccepted();

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> VerifyOtp(
        OtpVerifyRequest body, HttpContext http, IVerifyOtpLogin useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            new VerifyOtpLoginCommand(body.Email, body.Phone, body.Code ?? "", body.DeviceName, http.ClientInfo()), ct))
        .ToOk(TokenResponseDto.From);

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> Refresh(
        RefreshRequest body, HttpContext http, IRefreshSession useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new RefreshCommand(body.RefreshToken ?? "", http.ClientInfo()), ct))
        .ToOk(TokenResponseDto.From);

    private static async Task<Results<NoContent, ErrorResult>> Logout(HttpContext http, ILogout useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), http.ClientInfo(), ct)).ToNoContent();

    private static async Task<Results<Accepted, ErrorResult>> Forgot(
        ForgotPasswordRequest body, IForgotPassword useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new ForgotPasswordCommand(body.Email ?? ""), ct)).ToAccepted();

    private static async Task<Results<NoContent, ErrorResult>> Reset(
        ResetPasswordRequest body, HttpContext http, IResetPassword useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            new ResetPasswordCommand(body.Email ?? "", body.Code ?? "", body.NewPassword ?? "", http.ClientInfo()), ct))
        .ToNoContent();
}

using AuthService.Application.Abstractions;
using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.Common;
using AuthService.Application.Mfa;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Passkeys: one's own (/users/me/passkeys), passwordless sign-in (/auth/passkey), second factor (/auth/mfa/passkey).</summary>
public static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSignedInGroup("Passkeys");
        group.MapPost("/options", StartRegistration).WithName("PasskeyCreationOptions")
            .WithSummary("WebAuthn creation options for navigator.credentials.create")
            .WithDescription("Answers `{publicKey}` in the WebAuthn Level 3 JSON form (for PublicKeyCredential.parseCreationOptionsFromJSON); "
                + "its challenge works once, for 5 minutes. A user who already has a factor needs a session that passed MFA.")
            .Fails(ErrorCode.Forbidden);
        group.MapPost("/", Register).WithName("RegisterPasskey").WithSummary("Register the credential the browser created")
            .WithDescription("`credential` is what PublicKeyCredential.toJSON() returned for the options above; `name` is optional (default `Passkey`). "
                + "Attestation `none` is accepted; user verification is required. 422 on `credential` when it does not verify (origin, challenge, user verification).")
            .Fails(ErrorCode.ValidationError, ErrorCode.Forbidden)
            .RequestExample(new { credential = new { id = "…", rawId = "…", type = "public-key", response = new { clientDataJSON = "…", attestationObject = "…" } }, name = "laptop" });
        group.MapGet("/", List).WithName("ListPasskeys").WithSummary("The user's passkeys")
            .WithDescription("`items`: id, name, created_at, last_used_at; oldest first.");
        group.MapPatch("/{id:guid}", Rename).WithName("RenamePasskey").WithSummary("Rename a passkey")
            .WithDescription("Any session of the owner may rename; someone else's or an unknown id is 404.")
            .Fails(ErrorCode.ValidationError, ErrorCode.NotFound)
            .RequestExample(new { name = "work phone" });
        group.MapDelete("/{id:guid}", Remove).WithName("RemovePasskey")
            .WithSummary("Remove a passkey (409 LAST_LOGIN_METHOD when it is the last way in)")
            .WithDescription("Needs a session that passed MFA. The ways in are the password, linked providers and passkeys; the last one stays.")
            .Fails(ErrorCode.NotFound, ErrorCode.LastLoginMethod, ErrorCode.Forbidden);
        return routes;
    }

    public static IEndpointRouteBuilder MapPasskeySignInEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSignInStepGroup("Passkeys");
        group.MapPost("/options", StartSignIn).WithName("PasskeyRequestOptions")
            .WithSummary("WebAuthn request options for a passwordless sign-in (optional email)")
            .WithDescription("Without `email` (or for an unknown one) the options list no credentials, so the authenticator offers its discoverable passkeys. "
                + "Answers `{publicKey}` for PublicKeyCredential.parseRequestOptionsFromJSON; the challenge works once, for 5 minutes.")
            .Fails(ErrorCode.ValidationError)
            .RequestExample(new { email = "ada@example.com" })
            .RateLimited(new Limit(RateLimitPolicies.LoginIp, Partitions.Ip));
        group.MapPost("/verify", SignIn).WithName("PasskeySignIn")
            .WithSummary("Sign in with the assertion the browser returned; amr [hwk, mfa]")
            .WithDescription("Answers the token response; the session's auth_method is `passkey`. An assertion that does not verify "
                + "(origin, challenge already used, signature, counter not moving forward) is 401 INVALID_CREDENTIALS.")
            .Fails(ErrorCode.ValidationError, ErrorCode.InvalidCredentials, ErrorCode.AccountDisabled)
            .RequestExample(new { credential = new { id = "…", rawId = "…", type = "public-key", response = new { clientDataJSON = "…", authenticatorData = "…", signature = "…", userHandle = "…" } } })
            .RateLimited(new Limit(RateLimitPolicies.LoginIp, Partitions.Ip));
        return routes;
    }

    public static IEndpointRouteBuilder MapPasskeyMfaEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSignInStepGroup("Second factor");
        group.MapPost("/options", StartMfa).WithName("MfaPasskeyOptions")
            .WithSummary("WebAuthn request options for the sign-in behind an mfa_token")
            .WithDescription("Lists the user's passkeys. Costs no attempt of the mfa_token; 401 INVALID_TOKEN when the token is void or the account has no passkey.")
            .Fails(ErrorCode.ValidationError, ErrorCode.InvalidToken)
            .RequestExample(new { mfa_token = "the mfa_token of the MFA_REQUIRED answer" })
            .RateLimited(new Limit(RateLimitPolicies.MfaVerify, Partitions.Ip));
        group.MapPost("/verify", VerifyMfa).WithName("MfaPasskeyVerify")
            .WithSummary("Finish a sign-in with the mfa_token and a passkey assertion")
            .WithDescription("Answers the token response (amr adds hwk and mfa). An assertion that does not verify uses one of the token's 5 attempts (400 INVALID_MFA_CODE).")
            .Fails(ErrorCode.ValidationError, ErrorCode.InvalidMfaCode, ErrorCode.InvalidToken, ErrorCode.AccountDisabled)
            .RequestExample(new { mfa_token = "the mfa_token of the MFA_REQUIRED answer", credential = new { id = "…", type = "public-key", response = new { clientDataJSON = "…" } } })
            .RateLimited(new Limit(RateLimitPolicies.MfaVerify, Partitions.Ip));
        return routes;
    }

    private static async Task<Results<Ok<WebAuthnOptionsResponse>, ErrorResult>> StartRegistration(
        HttpContext http, IStartPasskeyRegistration useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), ct)).ToOk(WebAuthnOptionsResponse.From);

    private static async Task<Results<Created<PasskeyResponse>, ErrorResult>> Register(
        PasskeyRegisterRequest body, HttpContext http, IRegisterPasskey useCase, CancellationToken ct)
    {
        var command = new RegisterPasskeyCommand(http.CurrentPrincipal(), CredentialJson.Text(body.Credential), body.Name, http.ClientInfo());
        var result = await useCase.ExecuteAsync(command, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/users/me/passkeys/{result.Value.Id}", PasskeyResponse.From(result.Value))
            : new ErrorResult(result.Error!);
    }

    private static async Task<Ok<ItemsResponse<PasskeyResponse>>> List(HttpContext http, IListPasskeys useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<PasskeyResponse>(
            (await useCase.ExecuteAsync(http.CurrentPrincipal(), ct)).Select(PasskeyResponse.From).ToList()));

    private static async Task<Results<Ok<PasskeyResponse>, ErrorResult>> Rename(
        Guid id, PasskeyRenameRequest body, HttpContext http, IRenamePasskey useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new RenamePasskeyCommand(http.CurrentPrincipal(), id, body.Name, http.ClientInfo()), ct))
            .ToOk(PasskeyResponse.From);

    private static async Task<Results<NoContent, ErrorResult>> Remove(
        Guid id, HttpContext http, IRemovePasskey useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), id, http.ClientInfo(), ct)).ToNoContent();

    private static async Task<Results<Ok<WebAuthnOptionsResponse>, ErrorResult>> StartSignIn(
        PasskeyOptionsRequest? body, IStartPasskeySignIn useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new StartPasskeySignInCommand(body?.Email), ct)).ToOk(WebAuthnOptionsResponse.From);

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> SignIn(
        PasskeySignInRequest body, HttpContext http, IVerifyPasskeySignIn useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new VerifyPasskeySignInCommand(CredentialJson.Text(body.Credential), body.DeviceName, http.ClientInfo()), ct))
            .ToOkNoStore(http, TokenResponseDto.From);

    private static async Task<Results<Ok<WebAuthnOptionsResponse>, ErrorResult>> StartMfa(
        MfaTokenRequest body, HttpContext http, IStartPasskeyMfa useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new StartPasskeyMfaCommand(body.MfaToken, http.ClientInfo()), ct)).ToOk(WebAuthnOptionsResponse.From);

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> VerifyMfa(
        MfaPasskeyVerifyRequest body, HttpContext http, IVerifyPasskeyMfa useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new VerifyPasskeyMfaCommand(body.MfaToken, CredentialJson.Text(body.Credential), http.ClientInfo()), ct))
            .ToOkNoStore(http, TokenResponseDto.From);
}

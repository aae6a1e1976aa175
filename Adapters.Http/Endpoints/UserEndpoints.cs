using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Users;

namespace AuthService.Adapters.Http.Endpoints;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        // Policies are set per route: an endpoint's policies add up, so a group-wide session
        // requirement would shut out the API key that GET accepts.
        var group = routes.MapGroup("/me").WithTags("Current user");
        group.MapGet("/", Get).WithName("GetCurrentUser").WithSummary("The signed-in user (Bearer or X-API-Key)")
            .WithDescription("The same user object as in the token response.")
            .Fails(ErrorCode.NotFound)
            .RequireAuthorization(HttpAdapter.SessionOrApiKeyPolicy);
        group.MapPatch("/", Update).WithName("UpdateCurrentUser").WithSummary("Change name, username or avatar")
            .WithDescription("Send only the fields to change.")
            .Fails(ErrorCode.NotFound, ErrorCode.IdentifierTaken)
            .RequestExample(new { name = "Ada Lovelace", username = "ada" })
            .RequireAuthorization();
        group.MapPost("/password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Change the password; other sessions and every API key end")
            .WithDescription("Needs the current password; every other session and the user's API keys are revoked. A wrong "
                + "`current_password` counts toward the same lockout as password sign-in (423 once locked, the right password included).")
            .Fails(ErrorCode.NotFound, ErrorCode.InvalidCredentials, ErrorCode.AccountLocked)
            .RequestExample(new { current_password = "correct horse battery staple", new_password = "another long passphrase" })
            .RequireAuthorization()
            .RateLimited(new Limit(RateLimitPolicies.LoginIp, Partitions.Ip));
        group.MapDelete("/", Delete).WithName("DeleteCurrentUser").WithSummary("Delete the account; every session ends")
            .WithDescription("The account is soft-deleted: it can no longer sign in, and its sessions are revoked.")
            .RequireAuthorization();
        return routes;
    }

    private static async Task<Results<Ok<UserResponse>, ErrorResult>> Get(HttpContext http, IGetCurrentUser useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), ct)).ToOk(UserResponse.From);

    private static async Task<Results<Ok<UserResponse>, ErrorResult>> Update(
        UpdateProfileRequest body, HttpContext http, IUpdateProfile useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            http.CurrentPrincipal(), new UpdateProfileCommand(body.Name, body.Username, body.AvatarUrl, http.ClientInfo()), ct))
        .ToOk(UserResponse.From);

    private static async Task<Results<NoContent, ErrorResult>> ChangePassword(
        ChangePasswordRequest body, HttpContext http, IChangePassword useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            http.CurrentPrincipal(),
            new ChangePasswordCommand(body.CurrentPassword ?? "", body.NewPassword ?? "", http.ClientInfo()), ct))
        .ToNoContent();

    private static async Task<Results<NoContent, ErrorResult>> Delete(HttpContext http, IDeleteAccount useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), http.ClientInfo(), ct)).ToNoContent();
}

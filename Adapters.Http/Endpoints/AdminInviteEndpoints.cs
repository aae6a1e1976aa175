using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Invites;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Invitations for invite-only registration: mapped under /api/v1/admin/invites.</summary>
public static class AdminInviteEndpoints
{
    public static IEndpointRouteBuilder MapAdminInviteEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup("Admin: invitations");
        group.MapPost("/", Create).WithName("AdminCreateInvite")
            .WithSummary("Invite someone (optionally one email) to register; the token is shown only in this response")
            .WithDescription("For invite-only registration (`AUTH__REGISTRATION=invite_only`): the token goes in `invite_token` of "
                + "`POST /api/v1/auth/register`. Single use; `expires_in_hours` 1 to 720 (default 72); with `email`, it registers only "
                + "that address (and lets that address sign up through a provider that verified it). Stored only as an HMAC.")
            .RequestExample(new { email = "new.colleague@example.com", expires_in_hours = 72 });
        group.MapGet("/", List).WithName("AdminListInvites").WithSummary("Invitations, newest first, with their status, without tokens")
            .WithDescription("`status` is `pending`, `used`, `expired` or `revoked`; at most the 500 newest.");
        group.MapDelete("/{id}", Revoke).WithName("AdminRevokeInvite").WithSummary("Revoke an invitation that is not used yet")
            .WithDescription("A used, revoked or unknown invitation answers 404.")
            .Fails(ErrorCode.NotFound);
        return routes;
    }

    private static async Task<Results<Created<CreatedInviteResponse>, ErrorResult>> Create(
        CreateInviteRequest body, HttpContext http, ICreateInvite useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), new CreateInviteCommand(body.Email, body.ExpiresInHours, http.ClientInfo()), ct))
            .CreatedOnce(http, CreatedInviteResponse.From);

    private static async Task<Ok<ItemsResponse<InviteResponse>>> List(IListInvites useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<InviteResponse>([.. (await useCase.ExecuteAsync(ct)).Select(InviteResponse.From)]));

    private static Task<Results<NoContent, ErrorResult>> Revoke(string id, HttpContext http, IRevokeInvite useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, Error.NotFound("Invitation"), async inviteId =>
            (await useCase.ExecuteAsync(http.CurrentPrincipal(), inviteId, http.ClientInfo(), ct)).ToNoContent());
}

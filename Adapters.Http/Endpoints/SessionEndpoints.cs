using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Sessions;

namespace AuthService.Adapters.Http.Endpoints;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Sessions").RequireAuthorization();
        group.MapGet("/", List).WithName("ListSessions").WithSummary("Active sessions of the current user, newest first")
            .WithDescription("`current` marks the session of the access token sent; `auth_method` says how the session began.");
        group.MapDelete("/{id}", Revoke).WithName("RevokeSession").WithSummary("Revoke one of your sessions")
            .WithDescription("Someone else's session and an unknown id both answer 404.")
            .Fails(ErrorCode.NotFound);
        group.MapDelete("/", RevokeOthers).WithName("RevokeOtherSessions").WithSummary("Revoke every session but this one")
            .WithDescription("Signs out every other device; the session of the access token sent stays.");
        return routes;
    }

    private static async Task<Ok<ItemsResponse<SessionResponse>>> List(HttpContext http, IListSessions useCase, CancellationToken ct)
    {
        var sessions = await useCase.ExecuteAsync(http.CurrentPrincipal(), ct);
        return TypedResults.Ok(new ItemsResponse<SessionResponse>(sessions.Select(SessionResponse.From).ToList()));
    }

    // The id is taken as a string so that a malformed one is a plain 404, like an unknown one.
    private static async Task<Results<NoContent, ErrorResult>> Revoke(
        string id, HttpContext http, IRevokeSession useCase, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var sessionId))
        {
            return new ErrorResult(Domain.Common.Error.NotFound("Session"));
        }

        return (await useCase.ExecuteAsync(http.CurrentPrincipal(), sessionId, http.ClientInfo(), ct)).ToNoContent();
    }

    private static async Task<Results<NoContent, ErrorResult>> RevokeOthers(
        HttpContext http, IRevokeOtherSessions useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), http.ClientInfo(), ct)).ToNoContent();
}

using AuthService.Adapters.Http.Contracts;
using AuthService.Application.ApiKeys;

namespace AuthService.Adapters.Http.Endpoints;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("API keys").RequireAuthorization();
        group.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create an API key; the key is shown only in this response")
            .WithDescription("`scopes` are your own names; the reserved ones (`introspect`, `admin*`) are refused. At most 50 active keys.")
            .RequestExample(new { name = "backup script", scopes = new[] { "read" }, expires_at = "2027-01-01T00:00:00Z" });
        group.MapGet("/", List).WithName("ListApiKeys").WithSummary("Your API keys that are not revoked, newest first, without secrets")
            .WithDescription("Expired keys are listed too; `last_used_at` is updated at most once a minute.");
        group.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke one of your API keys")
            .WithDescription("Someone else's key and an unknown id both answer 404.")
            .Fails(ErrorCode.NotFound);
        return routes;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> Create(
        CreateApiKeyRequest body, HttpContext http, ICreateApiKey useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            http.CurrentPrincipal(), new CreateApiKeyCommand(body.Name, body.Scopes, body.ExpiresAt, http.ClientInfo()), ct))
        .CreatedOnce(http, CreatedApiKeyResponse.From);

    private static async Task<Ok<ItemsResponse<ApiKeyResponse>>> List(HttpContext http, IListApiKeys useCase, CancellationToken ct)
    {
        var keys = await useCase.ExecuteAsync(http.CurrentPrincipal(), ct);
        return TypedResults.Ok(new ItemsResponse<ApiKeyResponse>(keys.Select(ApiKeyResponse.From).ToList()));
    }

    // The id is taken as a string so that a malformed one is a plain 404, like an unknown one.
    private static Task<Results<NoContent, ErrorResult>> Revoke(
        string id, HttpContext http, IRevokeApiKey useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, Error.NotFound("API key"),
            async keyId => (await useCase.ExecuteAsync(http.CurrentPrincipal(), keyId, http.ClientInfo(), ct)).ToNoContent());
}

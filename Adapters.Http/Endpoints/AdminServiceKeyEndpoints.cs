using AuthService.Adapters.Http.Contracts;
using AuthService.Application.ServiceKeys;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Service keys for downstream services (introspection): mapped under /api/v1/admin/service-keys.</summary>
public static class AdminServiceKeyEndpoints
{
    public static IEndpointRouteBuilder MapAdminServiceKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup("Admin: service keys");
        group.MapPost("/", Create).WithName("AdminCreateServiceKey")
            .WithSummary("Issue a service key (scope introspect) for a downstream service; the key is shown only in this response")
            .WithDescription("The only way to get a key that `POST /api/v1/introspect` accepts; optional `service` (a known service "
                + "code) and `expires_at` (RFC 3339).")
            .RequestExample(new { name = "cvmaker backend", service = "cvmaker", expires_at = "2027-12-31T00:00:00Z" });
        group.MapGet("/", List).WithName("AdminListServiceKeys").WithSummary("Service keys that are not revoked, newest first, without secrets")
            .WithDescription("Prefix, scopes and dates of each key; the secret is never shown again.");
        group.MapDelete("/{id}", Revoke).WithName("AdminRevokeServiceKey").WithSummary("Revoke a service key (every instance within 1 s)")
            .WithDescription("An unknown id answers 404.")
            .Fails(ErrorCode.NotFound);
        return routes;
    }

    private static async Task<Results<Created<CreatedServiceKeyResponse>, ErrorResult>> Create(
        CreateServiceKeyRequest body, HttpContext http, ICreateServiceKey useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            http.CurrentPrincipal().UserId, new CreateServiceKeyCommand(body.Name, body.Service, body.ExpiresAt, http.ClientInfo()), ct))
        .CreatedOnce(http, CreatedServiceKeyResponse.From);

    private static async Task<Ok<ItemsResponse<ServiceKeyResponse>>> List(IListServiceKeys useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<ServiceKeyResponse>([.. (await useCase.ExecuteAsync(ct)).Select(ServiceKeyResponse.From)]));

    private static Task<Results<NoContent, ErrorResult>> Revoke(
        string id, HttpContext http, IRevokeServiceKey useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, Error.NotFound("Service key"),
            async keyId => (await useCase.ExecuteAsync(http.CurrentPrincipal(), keyId, http.ClientInfo(), ct)).ToNoContent());
}

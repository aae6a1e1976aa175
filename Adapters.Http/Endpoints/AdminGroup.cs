namespace AuthService.Adapters.Http.Endpoints;

/// <summary>
/// What every operator route file shares, written once: the group (admin policy, one tag; the Host
/// maps it under /api/v1/admin/..., which only the admin listener serves), the 201 that shows a
/// secret once, and the id in the path.
/// </summary>
internal static class AdminGroup
{
    /// <summary>The group an admin route file maps its routes on.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder routes, string tag) =>
        routes.MapGroup("").WithTags(tag).RequireAuthorization(HttpAdapter.AdminPolicy);

    /// <summary>
    /// 201 for a response that carries a secret shown only this once (a token, a key, a signing
    /// secret): no cache along the way may keep it.
    /// </summary>
    public static Results<Created<TOut>, ErrorResult> CreatedOnce<T, TOut>(
        this Result<T> result, HttpContext http, Func<T, TOut> map, Func<T, string>? location = null)
    {
        if (!result.IsSuccess)
        {
            return new ErrorResult(result.Error!);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(location?.Invoke(result.Value), map(result.Value));
    }

    /// <summary>
    /// Runs <paramref name="handle"/> with the path's id; an id that is no UUID answers like an
    /// unknown one (<paramref name="notFound"/>), not as a validation error.
    /// </summary>
    public static async Task<Results<TOk, ErrorResult>> WithIdAsync<TOk>(
        string id, Error notFound, Func<Guid, Task<Results<TOk, ErrorResult>>> handle)
        where TOk : IResult =>
        Guid.TryParse(id, out var parsed) ? await handle(parsed) : new ErrorResult(notFound);
}

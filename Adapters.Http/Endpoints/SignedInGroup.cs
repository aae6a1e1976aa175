namespace AuthService.Adapters.Http.Endpoints;

/// <summary>
/// What the route files of a signed-in user's own things (/users/me/...) and of the sign-in steps
/// share, written once: the group (bearer authentication or none, one tag) and the answer that
/// carries a secret (tokens, recovery codes, a TOTP seed), which no cache along the way may keep.
/// </summary>
internal static class SignedInGroup
{
    /// <summary>Routes for the caller's own account: a valid access token is required.</summary>
    public static RouteGroupBuilder MapSignedInGroup(this IEndpointRouteBuilder routes, string tag) =>
        routes.MapGroup("").WithTags(tag).RequireAuthorization();

    /// <summary>Routes of a sign-in step, called before there is an access token.</summary>
    public static RouteGroupBuilder MapSignInStepGroup(this IEndpointRouteBuilder routes, string tag) =>
        routes.MapGroup("").WithTags(tag);

    /// <summary>200 with a secret shown only this once: <c>Cache-Control: no-store</c>.</summary>
    public static Results<Ok<TOut>, ErrorResult> ToOkNoStore<T, TOut>(this Result<T> result, HttpContext http, Func<T, TOut> map)
    {
        http.Response.Headers.CacheControl = "no-store";
        return result.ToOk(map);
    }
}

namespace AuthService.Adapters.Http.Errors;

/// <summary>An expected failure as a typed result, so handlers can return Results&lt;Ok&lt;T&gt;, ErrorResult&gt;.</summary>
/// <remarks>Its statuses are documented from the route's <c>.Fails(...)</c> declaration (see OpenApi/ApiDocs).</remarks>
internal sealed class ErrorResult(Error error) : IResult, IStatusCodeHttpResult
{
    public Error Error { get; } = error;

    public int? StatusCode => ErrorCodes.Map(Error.Code).Status;

    public Task ExecuteAsync(HttpContext httpContext) => ErrorEnvelope.WriteAsync(httpContext, Error);
}

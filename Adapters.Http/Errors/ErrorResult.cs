using System.Reflection;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AuthService.Adapters.Http.Errors;

/// <summary>An expected failure as a typed result, so handlers can return Results&lt;Ok&lt;T&gt;, ErrorResult&gt;.</summary>
internal sealed class ErrorResult(Error error) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public Error Error { get; } = error;

    public int? StatusCode => ErrorCodes.Map(Error.Code).Status;

    public Task ExecuteAsync(HttpContext httpContext) => ErrorEnvelope.WriteAsync(httpContext, Error);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(ErrorEnvelope), ["application/json"]));
}

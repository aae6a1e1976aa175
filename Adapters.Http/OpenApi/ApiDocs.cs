using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthService.Adapters.Http.OpenApi;

/// <summary>How an endpoint may be called, when the route's own metadata does not say it.</summary>
public enum ApiAuth
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary>A session's access token (Authorization: Bearer).</summary>
    Bearer,

    /// <summary>An access token or an API key (X-API-Key).</summary>
    BearerOrApiKey,

    /// <summary>An API key only (X-API-Key), e.g. a service key.</summary>
    ApiKey,

    /// <summary>Anonymous, or a Bearer token that changes what the call does.</summary>
    OptionalBearer,
}

/// <summary>
/// What the OpenAPI documents need from a route beyond what the framework sees, one line each.
/// The transformers derive the rest from the route itself: a JSON body adds 400/413/415/422,
/// RequireAuthorization adds the security scheme and 401 (403 where a session or the admin role
/// is needed), a rate limit adds 429, every /api route may answer 503. So a new route needs
/// <c>.WithName</c>, <c>.WithSummary</c>, <c>.WithDescription</c>, <c>.Fails(...)</c> with the domain
/// errors its use case returns, and <c>.RequestExample(...)</c> when it takes a body.
/// </summary>
internal static class ApiDocs
{
    /// <summary>The domain errors the handler can return; each is documented under its status with an example.</summary>
    public static TBuilder Fails<TBuilder>(this TBuilder builder, params ErrorCode[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DeclaredErrors(codes));

    /// <summary>An example request body, serialized with the API's JSON rules (snake_case).</summary>
    public static TBuilder RequestExample<TBuilder>(this TBuilder builder, object example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExampleMetadata(example));

    /// <summary>Overrides the security the documents derive from RequireAuthorization.</summary>
    public static TBuilder DocumentAuth<TBuilder>(this TBuilder builder, ApiAuth auth)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuthMetadata(auth));

    /// <summary>The route answers 302 to <paramref name="where"/> (a Location header, no body).</summary>
    public static RouteHandlerBuilder Redirects(this RouteHandlerBuilder builder, string where) =>
        builder.Produces(StatusCodes.Status302Found).WithMetadata(new RedirectMetadata(where));

    /// <summary>A JSON body the handler reads itself when present (e.g. on DELETE), documented as optional.</summary>
    public static RouteHandlerBuilder OptionalBody<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OptionalBodyMetadata(typeof(T)));

    /// <summary>One status whose body is one of several types (e.g. introspection's active and inactive answers).</summary>
    public static RouteHandlerBuilder AnswersOneOf(this RouteHandlerBuilder builder, int status, params Type[] types) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var choices = new List<IOpenApiSchema>();
            foreach (var type in types)
            {
                var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
                var document = context.Document!;
                if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
                {
                    document.AddComponent<IOpenApiSchema>(type.Name, schema);
                }

                choices.Add(new OpenApiSchemaReference(type.Name, document));
            }

            operation.Responses ??= [];
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "One of: " + string.Join(", ", types.Select(t => t.Name)) + ".",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = choices } },
                },
            };
        });
}

internal sealed record DeclaredErrors(IReadOnlyList<ErrorCode> Codes);

internal sealed record RequestExampleMetadata(object Example);

internal sealed record OptionalBodyMetadata(Type Type);

internal sealed record AuthMetadata(ApiAuth Auth);

internal sealed record RedirectMetadata(string Where);

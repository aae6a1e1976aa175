using AuthService.Adapters.Http.Middleware;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Http.OpenApi;

/// <summary>Two documents, one per listener, produced from the routes by the same transformers, and a /docs page on each.</summary>
public static class OpenApiSetup
{
    public const string PublicDocument = "v1";
    public const string AdminDocument = "admin";

    internal static IServiceCollection AddOpenApiDocuments(this IServiceCollection services)
    {
        services.AddOpenApi(PublicDocument, o => Configure(o, admin: false));
        services.AddOpenApi(AdminDocument, o => Configure(o, admin: true));
        return services;
    }

    /// <summary>/openapi/{v1,admin}.json and /docs; <see cref="ListenerMiddleware"/> keeps each on its listener.</summary>
    public static WebApplication MapDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseWhen(ListenerMiddleware.IsAdminListener, admin => admin.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/openapi/{AdminDocument}.json", "AuthService admin API");
            o.RoutePrefix = "docs";
            o.DocumentTitle = "AuthService admin API";
            o.ConfigObject.PersistAuthorization = true;
        }));
        app.UseWhen(http => !ListenerMiddleware.IsAdminListener(http), open => open.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/openapi/{PublicDocument}.json", "AuthService API");
            o.RoutePrefix = "docs";
            o.DocumentTitle = "AuthService API";
            o.ConfigObject.PersistAuthorization = true;
        }));
        return app;
    }

    private static void Configure(OpenApiOptions options, bool admin)
    {
        options.ShouldInclude = description => InAdminDocument("/" + description.RelativePath) == admin
            || IsShared("/" + description.RelativePath);
        options.AddDocumentTransformer<DocumentRules>();
        options.AddOperationTransformer<OperationRules>();
        options.AddSchemaTransformer<SchemaRules>();
    }

    private static bool InAdminDocument(string path) =>
        path.StartsWith("/api/v1/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/metrics", StringComparison.OrdinalIgnoreCase);

    private static bool IsShared(string path) => path.StartsWith("/health/", StringComparison.OrdinalIgnoreCase);
}

using System.Text.Json.Nodes;

namespace AuthService.Integration.Tests.Api;

/// <summary>The served OpenAPI documents are the committed ones, and they describe every operation fully.</summary>
public sealed class OpenApiDocumentTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    [Theory]
    [InlineData("public.json", false, "/openapi/v1.json")]
    [InlineData("admin.json", true, "/openapi/admin.json")]
    public async Task CommittedDocument_IsWhatTheCodeServes(string file, bool admin, string path)
    {
        var served = await ServedAsync(admin, path);
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "openapi", file)));
        Assert.True(
            JsonNode.DeepEquals(served, committed),
            $"docs/openapi/{file} differs from {path} ({FirstDifference(committed, served, "$")}). Run scripts/openapi.sh and commit the result.");
    }

    [Fact]
    public async Task EachListener_ServesOnlyItsOwnDocument_AndDocsPage()
    {
        using var publicClient = app.Public();
        using var adminClient = app.Admin();
        await Expect.ErrorAsync(await publicClient.GetAsync("/openapi/admin.json"), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await adminClient.GetAsync("/openapi/v1.json"), 404, "NOT_FOUND");

        var page = await adminClient.GetAsync("/docs/index.html");
        await Expect.StatusAsync(page, 200);
        var config = await adminClient.GetStringAsync("/docs/index.js");
        Assert.Contains("/openapi/admin.json", config, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", await publicClient.GetStringAsync("/docs/index.js"), StringComparison.Ordinal);

        var publicDoc = await ServedAsync(false, "/openapi/v1.json");
        var adminDoc = await ServedAsync(true, "/openapi/admin.json");
        Assert.DoesNotContain(Paths(publicDoc), p => p.StartsWith("/api/v1/admin", StringComparison.Ordinal));
        Assert.All(Paths(adminDoc), p => Assert.True(p.StartsWith("/api/v1/admin", StringComparison.Ordinal) || p.StartsWith("/health", StringComparison.Ordinal) || p == "/metrics", p));
    }

    [Theory]
    [InlineData(false, "/openapi/v1.json")]
    [InlineData(true, "/openapi/admin.json")]
    public async Task EveryOperation_IsDescribed_Secured_AndAnswersErrorsInTheEnvelope(bool admin, string path)
    {
        var document = await ServedAsync(admin, path);
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        foreach (var (route, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {route}";
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), $"{name}: no operationId");
            Assert.NotNull(operation["security"]);
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (status[0] is '4' or '5' && route.StartsWith("/api/", StringComparison.Ordinal))
                {
                    var media = response!["content"]!["application/json"]!;
                    Assert.Equal("#/components/schemas/ErrorEnvelope", media["schema"]!["$ref"]!.GetValue<string>());
                    Assert.NotEmpty(media["examples"]!.AsObject());
                }
            }
        }
    }

    [Fact]
    public async Task Schemas_HaveTypes_AndRequestFieldsAreNeverNullable()
    {
        var document = await ServedAsync(false, "/openapi/v1.json");
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            foreach (var (field, property) in (schema!["properties"]?.AsObject() ?? []))
            {
                var typed = property!["type"] is not null || property["$ref"] is not null || property["oneOf"] is not null
                    || property["anyOf"] is not null || property["allOf"] is not null;
                Assert.True(typed, $"{name}.{field} has no type (a generated client would call it unknown)");
                if (name.EndsWith("Request", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain("null", property["type"]?.ToJsonString() ?? "", StringComparison.Ordinal);
                }
            }
        }

        var login = document["components"]!["schemas"]!["LoginRequest"]!;
        Assert.Equal(["password"], login["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        var session = document["components"]!["schemas"]!["SessionResponse"]!["properties"]!;
        Assert.Equal("date-time", session["created_at"]!["format"]!.GetValue<string>());
        Assert.Equal("string", session["created_at"]!["type"]!.GetValue<string>());
    }

    internal static IEnumerable<(string Route, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key, operation.Value!);

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AuthService.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AuthService.sln not found above " + AppContext.BaseDirectory);
    }

    private async Task<JsonNode> ServedAsync(bool admin, string path)
    {
        using var client = admin ? app.Admin() : app.Public();
        return JsonNode.Parse(await client.GetStringAsync(path))!;
    }

    private static IEnumerable<string> Paths(JsonNode document) => document["paths"]!.AsObject().Select(p => p.Key);

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string at)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(e[key], a[key]))
                {
                    return FirstDifference(e[key], a[key], $"{at}.{key}");
                }
            }
        }

        return $"first difference at {at}";
    }
}

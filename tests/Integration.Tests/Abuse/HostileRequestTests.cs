using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AuthService.Integration.Tests.Api;
using Xunit.Abstractions;

namespace AuthService.Integration.Tests.Abuse;

/// <summary>
/// Walks every operation of the OpenAPI documents of both listeners with hostile requests, with
/// and without an admin's bearer token: no answer is a 5xx, every 4xx is the contract's envelope,
/// and a rejected request changes no row (the audit log aside, which records refused sign-ins).
/// </summary>
public sealed class HostileRequestTests(AuthServiceApp app, ITestOutputHelper output) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task EveryOperation_WithHostileInput_NeverAnswers5xx_AndRejectionsWriteNothing()
    {
        var token = await AdminTokenAsync();
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations found in the OpenAPI documents");
        var fingerprint = await app.QueryAsync<string>(await FingerprintSqlAsync());
        var sql = await FingerprintSqlAsync();

        var (sent, failures, statuses) = (0, new List<string>(), new SortedDictionary<int, int>());
        foreach (var (listener, method, path, pathParams, query, schema) in operations)
        {
            if (!await TokenWorksAsync(token))
            {
                token = await AdminTokenAsync();
                fingerprint = await app.QueryAsync<string>(sql);
            }

            var authorised = false;
            foreach (var hostile in HostileCases.For(path, pathParams, query, schema))
            {
                authorised = !authorised;
                using var client = listener == "admin" ? app.Admin() : app.Public();
                using var request = new HttpRequestMessage(new HttpMethod(method), hostile.Path);
                if (hostile.Body is not null && method != "GET")
                {
                    request.Content = new ByteArrayContent(hostile.Body);
                    if (hostile.ContentType is not null)
                    {
                        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
                    }
                }

                if (authorised && !hostile.Headers.ContainsKey("Authorization"))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                foreach (var (name, value) in hostile.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var label = $"{listener} {method} {path} [{hostile.Label}] -> {status}";
                if (status >= 500)
                {
                    failures.Add(label + ": " + await response.Content.ReadAsStringAsync());
                }
                else if (status >= 400 && !RejectedByKestrel(response) && await EnvelopeProblemAsync(response) is { } problem)
                {
                    failures.Add(label + ": " + problem);
                }

                var now = await app.QueryAsync<string>(sql);
                if (status >= 400 && now != fingerprint)
                {
                    failures.Add(label + ": a rejected request changed stored rows");
                }

                fingerprint = now;
            }
        }

        output.WriteLine($"{sent} hostile requests over {operations.Count} operations, {failures.Count} failures; by status: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(sent >= 1000, $"only {sent} hostile requests were sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    private async Task<List<(string Listener, string Method, string Path, List<string> PathParams, List<string> Query, JsonObject? Schema)>> OperationsAsync()
    {
        var result = new List<(string, string, string, List<string>, List<string>, JsonObject?)>();
        var seen = new HashSet<string>();
        foreach (var (listener, document) in await DocumentsAsync())
        {
            var schemas = document["components"]?["schemas"] as JsonObject;
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                var onAdmin = path.StartsWith("/api/v1/admin", StringComparison.Ordinal);
                var target = onAdmin || path.StartsWith("/health", StringComparison.Ordinal) ? "admin" : "public";
                if ((target == "admin") != (listener == "admin") && !onAdmin)
                {
                    continue;
                }

                foreach (var (method, operation) in item!.AsObject())
                {
                    if (!seen.Add(target + method + path))
                    {
                        continue;
                    }

                    var parameters = operation?["parameters"]?.AsArray() ?? [];
                    var pathParams = parameters.Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!).ToList();
                    var query = parameters.Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList();
                    var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject s ? Resolve(s, schemas) : null;
                    result.Add((target, method.ToUpperInvariant(), path, pathParams, query, schema));
                }
            }
        }

        return result;
    }

    private async Task<List<(string Listener, JsonNode Document)>> DocumentsAsync()
    {
        var documents = new List<(string, JsonNode)>();
        foreach (var (listener, client, paths) in new[]
        {
            ("public", app.Public(), new[] { "/openapi/v1.json" }),
            ("admin", app.Admin(), new[] { "/openapi/v1.json", "/openapi/admin.json" }),
        })
        {
            using (client)
            {
                foreach (var path in paths)
                {
                    using var response = await client.GetAsync(path);
                    if (response.IsSuccessStatusCode)
                    {
                        documents.Add((listener, JsonNode.Parse(await response.Content.ReadAsStringAsync())!));
                    }
                }
            }
        }

        Assert.Contains(documents, d => d.Item1 == "public");
        return documents;
    }

    private static JsonObject? Resolve(JsonObject schema, JsonObject? schemas) =>
        schema["$ref"] is JsonValue reference && schemas is not null
            ? schemas[((string)reference!).Split('/')[^1]] as JsonObject
            : schema;

    /// <summary>
    /// Kestrel refuses a request line it cannot parse (a NUL in the decoded path) before any
    /// application code runs, with an empty 400 and a closed connection: nothing of ours can wrap it.
    /// </summary>
    private static bool RejectedByKestrel(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.BadRequest
        && response.Content.Headers.ContentLength == 0 && response.Content.Headers.ContentType is null;

    /// <summary>A 4xx must be the contract's envelope: JSON, error.code, error.message, request_id, timestamp.</summary>
    private static async Task<string?> EnvelopeProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return "content type " + response.Content.Headers.ContentType;
        }

        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.TryGetProperty("error", out var error) && error.TryGetProperty("code", out _)
                && error.TryGetProperty("message", out _) && body.TryGetProperty("request_id", out _)
                && body.TryGetProperty("timestamp", out _)
                ? null
                : "not the envelope: " + body.GetRawText();
        }
        catch (JsonException e)
        {
            return "not JSON: " + e.Message;
        }
    }

    /// <summary>
    /// A digest of every table but the audit log (refused sign-ins are recorded there by design) and
    /// the outbox (its dispatcher marks earlier requests' messages sent in the background).
    /// </summary>
    private async Task<string> FingerprintSqlAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        var tables = (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
            + "AND table_name NOT LIKE 'audit%' AND table_name NOT LIKE 'outbox%' AND table_name NOT LIKE '%migration%' AND table_name NOT LIKE 'VersionInfo%' ORDER BY table_name")).ToList();
        var parts = tables.Select(t => $"(SELECT coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM \"{t}\" x)");
        return "SELECT md5(" + string.Join(" || ", parts) + ")";
    }

    private async Task<bool> TokenWorksAsync(string token) =>
        (int)(await _api.GetAsync("/api/v1/users/me", token)).StatusCode == 200;

    private async Task<string> AdminTokenAsync()
    {
        var email = await _api.RegisterVerifiedAsync();
        await app.ExecuteAsync("UPDATE users SET roles = '{user,admin}' WHERE email = @email", new { email });
        return CoreFlowTests.Token(await _api.LoginAsync(email));
    }
}

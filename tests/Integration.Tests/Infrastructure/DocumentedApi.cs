using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>One operation of a served OpenAPI document.</summary>
public sealed record DocumentedOperation(string Route, string Method, JsonNode Node, bool Admin)
{
    public string Name => $"{Method.ToUpperInvariant()} {Route}";

    public bool HasBody => Node["requestBody"] is not null;

    public JsonNode? Example => Node["requestBody"]?["content"]?["application/json"]?["example"];

    /// <summary>The security schemes it takes; empty when anonymous calls are allowed.</summary>
    public IReadOnlyList<string> Schemes => Node["security"]!.AsArray()
        .Select(r => r!.AsObject().Select(p => p.Key).FirstOrDefault()).ToList() is var schemes && schemes.Contains(null)
        ? [] : schemes.OfType<string>().ToList();

    /// <summary>Declares a code beyond those every route of its kind gets (body, auth, rate limit, 503).</summary>
    public bool DeclaresDomainErrors => Node["responses"]!.AsObject()
        .Where(r => r.Key[0] is '4' or '5')
        .SelectMany(r => DeclaredCodes(int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)))
        .Any(code => !DerivedCodes.Contains(code));

    private static readonly HashSet<string> DerivedCodes =
    [
        "MALFORMED_REQUEST", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_ERROR", "UNAUTHORIZED", "INVALID_TOKEN",
        "TOKEN_EXPIRED", "SESSION_REVOKED", "FORBIDDEN", "RATE_LIMIT_EXCEEDED", "SERVICE_UNAVAILABLE",
    ];

    public IReadOnlySet<string> DeclaredCodes(int status) =>
        Node["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["examples"]
            ?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>The path with its parameters filled in: an unknown id, a provider nobody configured.</summary>
    public string Path(string? id = null) => Route.Replace("{id}", id ?? Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{provider}", "nosuchprovider", StringComparison.Ordinal);
}

/// <summary>
/// The served documents of both listeners, read as a client would, and the check that an answer is
/// one the document declares: its status with that code, in the envelope the document describes.
/// Every (operation, status, code) checked is recorded in .test-data/results/declared-statuses.txt.
/// </summary>
public sealed class DocumentedApi
{
    private static readonly ConcurrentDictionary<string, byte> Exercised = new(StringComparer.Ordinal);

    private DocumentedApi(JsonNode publicDocument, JsonNode adminDocument)
    {
        Operations = [.. Read(publicDocument, false), .. Read(adminDocument, true)];
        Envelope = publicDocument["components"]!["schemas"]!["ErrorEnvelope"]!;
    }

    public IReadOnlyList<DocumentedOperation> Operations { get; }

    public JsonNode Envelope { get; }

    public static async Task<DocumentedApi> LoadAsync(AuthServiceApp app)
    {
        using var publicClient = app.Public();
        using var adminClient = app.Admin();
        return new DocumentedApi(
            JsonNode.Parse(await publicClient.GetStringAsync("/openapi/v1.json"))!,
            JsonNode.Parse(await adminClient.GetStringAsync("/openapi/admin.json"))!);
    }

    public DocumentedOperation Find(string method, string route) =>
        Operations.Single(o => o.Method == method && o.Route == route);

    /// <summary>Asserts the answer is <paramref name="status"/> with <paramref name="code"/>, declared by the operation, in the envelope.</summary>
    public async Task DeclaredAsync(DocumentedOperation operation, HttpResponseMessage response, int status, string code)
    {
        var body = await Expect.ErrorAsync(response, status, code);
        Assert.True(
            operation.DeclaredCodes(status).Contains(code),
            $"{operation.Name} answered {status} {code}, which its document does not declare (declared: {string.Join(", ", operation.DeclaredCodes(status))})");
        MatchesEnvelope(body);
        Record(operation, status, code);
    }

    /// <summary>Whatever the answer is, the document declares it (2xx, or an error status with its code).</summary>
    public async Task AnyDeclaredAsync(DocumentedOperation operation, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status < 400)
        {
            Assert.NotNull(operation.Node["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            return;
        }

        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString()!;
        await DeclaredAsync(operation, response, status, code);
    }

    private void MatchesEnvelope(JsonElement body)
    {
        var allowed = Envelope["properties"]!["error"]!["properties"]!["code"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Contains(body.GetProperty("error").GetProperty("code").GetString(), allowed);
        foreach (var required in Envelope["required"]!.AsArray())
        {
            Assert.True(body.TryGetProperty(required!.GetValue<string>(), out _), $"envelope without {required}");
        }

        Assert.True(DateTimeOffset.TryParse(body.GetProperty("timestamp").GetString(), out _), "timestamp is not a date-time");
        if (body.GetProperty("error").TryGetProperty("details", out var details))
        {
            Assert.Equal(JsonValueKind.Object, details.ValueKind);
        }
    }

    private static void Record(DocumentedOperation operation, int status, string code)
    {
        lock (Exercised)
        {
            if (!Exercised.TryAdd($"{operation.Name}\t{status}\t{code}", 0))
            {
                return;
            }

            var dir = System.IO.Path.Combine(Api.OpenApiDocumentTests.RepositoryRoot(), ".test-data", "results");
            Directory.CreateDirectory(dir);
            File.AppendAllText(System.IO.Path.Combine(dir, "declared-statuses.txt"), $"{operation.Name}\t{status}\t{code}\n");
        }
    }

    private static IEnumerable<DocumentedOperation> Read(JsonNode document, bool admin) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select new DocumentedOperation(path.Key, operation.Key, operation.Value!, admin);
}

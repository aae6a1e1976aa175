using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthService.Adapters.Http.OpenApi;

/// <summary>
/// Completes each operation from its route metadata: the error statuses it can answer (with the
/// envelope, the codes and an example of each), its security requirement, its request example
/// and its redirects. Handlers declare only what the route cannot show (<see cref="ApiDocs"/>).
/// </summary>
internal sealed class OperationRules : IOpenApiOperationTransformer
{
    private static readonly string[] AuthFailures = ["UNAUTHORIZED", "INVALID_TOKEN", "TOKEN_EXPIRED", "SESSION_REVOKED"];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var readByHand = metadata.OfType<OptionalBodyMetadata>().LastOrDefault();
        if (readByHand is not null && operation.RequestBody is null)
        {
            operation.RequestBody = await OptionalBodyAsync(readByHand.Type, context, cancellationToken);
        }

        var path = "/" + (context.Description.RelativePath ?? "");
        var auth = AuthOf(metadata);
        var errors = new SortedDictionary<int, List<string>>();

        if (operation.RequestBody is not null)
        {
            Add(errors, 400, "MALFORMED_REQUEST");
            Add(errors, 413, "PAYLOAD_TOO_LARGE");
            if (readByHand is null)
            {
                // Routing refuses a declared body that is not JSON; a body read by hand is parsed as sent.
                Add(errors, 415, "UNSUPPORTED_MEDIA_TYPE");
            }

            Add(errors, 422, "VALIDATION_ERROR");
            operation.RequestBody.Description ??= "A JSON object (Content-Type: application/json), at most 64 KiB.";
        }

        if (auth is not ApiAuth.None)
        {
            foreach (var code in AuthFailures)
            {
                Add(errors, 401, code);
            }
        }

        if (auth is ApiAuth.Bearer && NeedsSessionOrRole(metadata))
        {
            Add(errors, 403, "FORBIDDEN");
        }

        foreach (var declared in metadata.OfType<DeclaredErrors>().SelectMany(d => d.Codes))
        {
            var (status, wire) = ErrorCodes.Map(declared);
            Add(errors, status, wire);
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Add(errors, 503, "SERVICE_UNAVAILABLE");
        }

        operation.Responses ??= [];
        foreach (var key in operation.Responses.Keys.Where(k => k.Length == 3 && k[0] is '4' or '5').ToList())
        {
            operation.Responses.Remove(key);
        }

        foreach (var (status, codes) in errors)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                ErrorResponse(status, codes, context.Document);
        }

        DescribeRedirects(operation, metadata);
        ApplySecurity(operation, auth, context.Document);
        ApplyRequestExample(operation, metadata);
    }

    private static async Task<OpenApiRequestBody> OptionalBodyAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(type.Name, schema);
        }

        return new OpenApiRequestBody
        {
            Required = false,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(type.Name, document) },
            },
        };
    }

    private static ApiAuth AuthOf(IList<object> metadata)
    {
        if (metadata.OfType<AuthMetadata>().LastOrDefault() is { } explicitAuth)
        {
            return explicitAuth.Auth;
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return ApiAuth.None;
        }

        return policies.All(p => p == HttpAdapter.SessionOrApiKeyPolicy) ? ApiAuth.BearerOrApiKey : ApiAuth.Bearer;
    }

    // The default policy needs a session (an API key is authenticated but refused: 403); the admin
    // policy needs the role as well.
    private static bool NeedsSessionOrRole(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any(a => a.Policy is null || a.Policy == HttpAdapter.AdminPolicy || a.Roles is not null);

    private static void Add(SortedDictionary<int, List<string>> errors, int status, string wire)
    {
        if (!errors.TryGetValue(status, out var codes))
        {
            errors[status] = codes = [];
        }

        if (!codes.Contains(wire))
        {
            codes.Add(wire);
        }
    }

    private static OpenApiResponse ErrorResponse(int status, List<string> codes, OpenApiDocument? document)
    {
        var media = new OpenApiMediaType
        {
            Schema = new OpenApiSchemaReference(DocumentRules.ErrorEnvelopeId, document),
            Examples = codes.ToDictionary(c => c, c => (IOpenApiExample)new OpenApiExample
            {
                Summary = c,
                Value = ExampleEnvelope(c),
            }),
        };
        var response = new OpenApiResponse
        {
            Description = $"{ErrorCatalog.StatusText(status)}: {string.Join(", ", codes.Select(c => $"`{c}`"))}.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = media },
        };
        if (ErrorCatalog.HasRetryAfter(status))
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again (sent with `RATE_LIMIT_EXCEEDED`, `QUOTA_EXCEEDED`, `ACCOUNT_LOCKED` and `SERVICE_UNAVAILABLE`).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                },
            };
        }

        return response;
    }

    private static JsonNode ExampleEnvelope(string code)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = ErrorCatalog.MessageFor(code) };
        if (code == "MFA_REQUIRED")
        {
            error["details"] = new JsonObject
            {
                ["mfa_token"] = "mfa_Xb3k9...",
                ["methods"] = new JsonArray("totp", "recovery_code"),
                ["expires_in"] = 300,
            };
        }

        if (code == "VALIDATION_ERROR")
        {
            error["details"] = new JsonObject
            {
                ["fields"] = new JsonObject { ["password"] = new JsonArray("must be at least 12 characters") },
            };
        }

        return new JsonObject
        {
            ["error"] = error,
            ["request_id"] = "0193a5b2-7c1e-7d3a-9f00-4b1c2d3e4f50",
            ["timestamp"] = "2026-11-22T10:00:00Z",
        };
    }

    private static void DescribeRedirects(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<RedirectMetadata>().LastOrDefault() is not { } redirect || operation.Responses is null)
        {
            return;
        }

        operation.Responses.Remove("200");
        operation.Responses["302"] = new OpenApiResponse
        {
            Description = $"Found: the browser is sent {redirect.Where}.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Location"] = new OpenApiHeader
                {
                    Description = "Where the browser goes next.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                },
            },
        };
    }

    private static void ApplySecurity(OpenApiOperation operation, ApiAuth auth, OpenApiDocument? document)
    {
        // A handler that reads X-API-Key or Authorization itself shows it as a parameter; the scheme says it instead.
        if (operation.Parameters is { } parameters)
        {
            foreach (var covered in parameters.Where(p => p.In == ParameterLocation.Header
                && (string.Equals(p.Name, "X-API-Key", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.Name, "Authorization", StringComparison.OrdinalIgnoreCase))).ToList())
            {
                parameters.Remove(covered);
            }
        }

        OpenApiSecurityRequirement Scheme(string id) => new() { [new OpenApiSecuritySchemeReference(id, document)] = [] };
        operation.Security = auth switch
        {
            ApiAuth.Bearer => [Scheme(DocumentRules.BearerScheme)],
            ApiAuth.BearerOrApiKey => [Scheme(DocumentRules.BearerScheme), Scheme(DocumentRules.ApiKeyScheme)],
            ApiAuth.ApiKey => [Scheme(DocumentRules.ApiKeyScheme)],
            ApiAuth.OptionalBearer => [new OpenApiSecurityRequirement(), Scheme(DocumentRules.BearerScheme)],
            _ => [new OpenApiSecurityRequirement()],
        };
    }

    private static void ApplyRequestExample(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<RequestExampleMetadata>().LastOrDefault() is not { } example
            || operation.RequestBody?.Content?.TryGetValue("application/json", out var media) != true || media is null)
        {
            return;
        }

        media.Example = JsonSerializer.SerializeToNode(example.Example, DocumentRules.ExampleJson);
    }
}

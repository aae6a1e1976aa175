using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthService.Adapters.Http.OpenApi;

/// <summary>
/// The document-wide parts: title and introduction, the listener it describes, tag descriptions,
/// the two security schemes and the error envelope (written from the contract, because the
/// envelope omits <c>details</c> when there are none, which the generated schema cannot say).
/// </summary>
internal sealed class DocumentRules : IOpenApiDocumentTransformer
{
    public const string ErrorEnvelopeId = "ErrorEnvelope";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    public static readonly JsonSerializerOptions ExampleJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var admin = context.DocumentName == OpenApiSetup.AdminDocument;
        document.Info = new OpenApiInfo
        {
            Title = admin ? "AuthService admin API" : "AuthService API",
            Version = "1.0.0",
            Description = admin ? DocumentText.AdminIntro : DocumentText.PublicIntro,
        };
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = admin
                    ? "The admin listener that serves this document (127.0.0.1:8002 under ./run.sh)"
                    : "The public listener that serves this document (127.0.0.1:8001 under ./run.sh)",
            },
        ];

        var used = document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(
            used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
            {
                Name = name,
                Description = DocumentText.TagDescriptions.GetValueOrDefault(name),
            }));

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The `access_token` of a token response (login, refresh, OTP, OAuth): `Authorization: Bearer <access_token>`. It lives 15 minutes; refresh it with `POST /api/v1/auth/refresh`.",
            },
        };
        if (!admin)
        {
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-API-Key",
                Description = "An API key made with `POST /api/v1/api-keys` (shown once), accepted where an operation lists it.",
            };
        }

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ErrorEnvelopeId] = ErrorEnvelopeSchema();
        foreach (var unused in new[] { "ErrorBody", "ErrorDetails" })
        {
            document.Components.Schemas.Remove(unused);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema ErrorEnvelopeSchema()
    {
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        var codes = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable machine-readable code; the status is fixed per code (see the table in the introduction).",
            Enum = ErrorCatalog.Codes.Keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToList(),
        };
        var fields = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Per request field, what is wrong with it (VALIDATION_ERROR).",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = text },
        };
        var details = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Present only when there is more to say: `fields` for VALIDATION_ERROR; `mfa_token`, `methods` and `expires_in` for MFA_REQUIRED.",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["fields"] = fields,
                ["mfa_token"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "MFA_REQUIRED: single use, 5 minutes." },
                ["methods"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = text, Description = "MFA_REQUIRED: `totp`, `recovery_code`, `passkey`." },
                ["expires_in"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "MFA_REQUIRED: seconds the mfa_token stays valid." },
            },
        };
        var error = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { "code", "message" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["code"] = codes,
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A sentence for a person; may change, do not parse it." },
                ["details"] = details,
            },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Every error, from every layer, has this shape and Content-Type: application/json.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "error", "request_id", "timestamp" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["error"] = error,
                ["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The X-Request-ID of this request; quote it when reporting a problem." },
                ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            },
        };
    }
}

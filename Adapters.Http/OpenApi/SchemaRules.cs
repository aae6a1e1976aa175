using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthService.Adapters.Http.OpenApi;

/// <summary>
/// Makes the generated schemas say what the server does. Timestamps are RFC 3339 strings. A
/// request record's fields are nullable in C# only so that a missing one is a 422 naming it: on
/// the wire null means "absent", so no request field is declared nullable, and only those marked
/// <see cref="RequiredAttribute"/> are required (the rest are optional, whatever the C# says).
/// </summary>
internal sealed class SchemaRules : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is { } member && AllowedValues(member) is { } allowed)
        {
            // [AllowedValues(false)] on a field: a literal the clients can tell answers apart by.
            schema.Enum = allowed.Select(v => JsonSerializer.SerializeToNode(v)!).ToList();
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
        }
        else if (type == typeof(DateTimeOffset?) || type == typeof(DateTime?))
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (IsRequestRecord(type) && schema.Properties is { } properties)
        {
            foreach (var property in properties.Values.OfType<OpenApiSchema>())
            {
                if (property.Type is { } t && t != JsonSchemaType.Null)
                {
                    property.Type = t & ~JsonSchemaType.Null;
                }
            }

            schema.Required = new HashSet<string>(
                context.JsonTypeInfo.Properties.Where(IsMarkedRequired).Select(p => p.Name), StringComparer.Ordinal);
            schema.AdditionalPropertiesAllowed = true;
        }
        else if (schema.Properties is { } answered && schema.Required is { } required)
        {
            // A field written only when it has a value (JsonIgnore WhenWritingNull) is optional, never null.
            foreach (var omitted in context.JsonTypeInfo.Properties.Where(p => p.ShouldSerialize is not null))
            {
                required.Remove(omitted.Name);
                if (answered.TryGetValue(omitted.Name, out var property) && property is OpenApiSchema { Type: { } t } concrete)
                {
                    concrete.Type = t & ~JsonSchemaType.Null;
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsRequestRecord(Type type) =>
        type.Name.EndsWith("Request", StringComparison.Ordinal) && type.Namespace?.StartsWith("AuthService.", StringComparison.Ordinal) == true;

    private static bool IsMarkedRequired(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        Marked(property.AttributeProvider) || Marked(property.AssociatedParameter?.AttributeProvider);

    private static object?[]? AllowedValues(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        (property.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), true)
            .Concat(property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), true) ?? []))
        ?.OfType<AllowedValuesAttribute>().FirstOrDefault()?.Values;

    private static bool Marked(ICustomAttributeProvider? provider) =>
        provider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
}

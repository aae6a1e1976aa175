using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace AuthService.Adapters.Http.Validation;

/// <summary>
/// Every string a handler receives (route and query values, body fields, nested records, lists)
/// is checked here, before any use case can hand it to PostgreSQL or Redis: a NUL byte
/// (PostgreSQL cannot store it: 22021) or an unpaired UTF-16 surrogate (no UTF-8 form: the
/// driver throws) is a 422 naming the field. The field rules of each use case (lengths, shapes)
/// come after; this one is the same for every field, so it lives in one place.
/// </summary>
internal sealed class HostileInputFilter : IEndpointFilter
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StringProperties = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(
                parameters is not null && i < parameters.Length ? parameters[i].Name ?? "body" : "body");
            if (FindBadField(context.Arguments[i], name, 0) is { } field)
            {
                return new ErrorResult(new Domain.Common.Error(
                    Domain.Common.ErrorCode.ValidationError,
                    "The request is invalid.",
                    new Dictionary<string, string[]>
                    {
                        [field] = ["must not contain NUL or characters that are not valid Unicode"],
                    }));
            }
        }

        return await next(context);
    }

    /// <summary>True when the text can be stored as UTF-8 text by PostgreSQL.</summary>
    public static bool IsStorable(string value)
    {
        var span = value.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? FindBadField(object? value, string name, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return IsStorable(text) ? null : name;
            case JsonElement element:
                return FindBadJson(element, name, depth);
            case HttpContext or CancellationToken or Stream:
                return null;
            case System.Collections.IEnumerable items when depth < MaxDepth:
                foreach (var item in items)
                {
                    if (FindBadField(item, name, depth + 1) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
        }

        if (depth >= MaxDepth || !IsContract(value.GetType()))
        {
            return null;
        }

        foreach (var property in StringProperties.GetOrAdd(value.GetType(), ContractProperties))
        {
            var wire = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (FindBadField(property.GetValue(value), depth == 0 ? wire : name + "." + wire, depth + 1) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    /// <summary>GetString refuses an escaped lone surrogate ("\ud800") outright: that is a bad field too.</summary>
    private static bool IsStorableString(JsonElement element)
    {
        try
        {
            return IsStorable(element.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? FindBadJson(JsonElement element, string name, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsStorableString(element) ? null : name;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsStorable(property.Name) || FindBadJson(property.Value, name, depth + 1) is not null)
                    {
                        return name;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindBadJson(item, name, depth + 1) is not null)
                    {
                        return name;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // Request contracts are our own records; framework and BCL types are not walked.
    private static bool IsContract(Type type) =>
        type.Assembly == typeof(HostileInputFilter).Assembly && !type.IsEnum;

    private static PropertyInfo[] ContractProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)];
}

using System.Text.Json;

namespace AuthService.Application.SystemConfig;

/// <summary>
/// Browser origins (<c>scheme://host[:port]</c>, http or https, nothing after): a JSON list of
/// strings, or one comma-separated string as in the environment. Stored as a sorted list.
/// </summary>
public sealed class OriginListSetting(string key, string category, string environmentVariable, string description)
    : SettingDefinition(key, category, environmentVariable, description)
{
    public const int MaxOrigins = 100;

    public override JsonElement Default { get; } = Json(Array.Empty<string>());

    public override bool TryNormalize(JsonElement value, out JsonElement canonical, out string error)
    {
        canonical = default;
        error = $"must be a list of at most {MaxOrigins} origins such as https://app.example.com (scheme, host and port only)";
        IEnumerable<string?> entries;
        if (value.ValueKind == JsonValueKind.String)
        {
            entries = value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            entries = value.EnumerateArray().Select(e => e.GetString()?.Trim());
        }
        else
        {
            return false;
        }

        var origins = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Normalize(entry) is not { } origin)
            {
                return false;
            }

            origins.Add(origin);
        }

        if (origins.Count > MaxOrigins)
        {
            return false;
        }

        canonical = Json(origins.ToArray());
        return true;
    }

    public static IReadOnlySet<string> Read(JsonElement canonical) =>
        canonical.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The origin as a browser sends it (lower-case scheme and host, no default port, no slash); null if it is none.</summary>
    private static string? Normalize(string? entry)
    {
        if (string.IsNullOrEmpty(entry) || entry.Length > 2048 || entry.Any(char.IsControl)
            || !Uri.TryCreate(entry.TrimEnd('/'), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}

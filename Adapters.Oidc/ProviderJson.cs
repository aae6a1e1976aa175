using System.Text.Json;
using AuthService.Domain.Users;

namespace AuthService.Adapters.Oidc;

/// <summary>
/// Reads values out of what a provider sent, trusting nothing: wrong types, oversized strings
/// and control characters all read as "absent".
/// </summary>
internal static class ProviderJson
{
    public const int MaxSubjectLength = 255;
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2048;

    public static string? String(JsonElement obj, string name, int maxLength)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString();
        return text is { Length: > 0 } && text.Length <= maxLength && !text.Any(char.IsControl) ? text : null;
    }

    /// <summary>Only a JSON true (or the string "true", as some providers send) counts as verified.</summary>
    public static bool IsTrue(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));

    public static bool? Bool(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    public static string? Subject(string? subject) =>
        subject is { Length: > 0 and <= MaxSubjectLength } && !subject.Any(char.IsControl) ? subject : null;

    public static string? Email(string? email) =>
        email is not null && Identifiers.IsEmail(email) ? email : null;

    public static string? Name(string? name)
    {
        var trimmed = name?.Trim();
        return trimmed is { Length: > 0 } && !trimmed.Any(char.IsControl)
            ? trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength].TrimEnd()
            : null;
    }

    public static string? AvatarUrl(string? url) =>
        url is { Length: <= MaxUrlLength } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;

    /// <summary>An OAuth error code from a provider, safe to put in a log line or message.</summary>
    public static string? ErrorCode(JsonElement obj)
    {
        var code = String(obj, "error", 64);
        return code is not null && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? code : null;
    }
}

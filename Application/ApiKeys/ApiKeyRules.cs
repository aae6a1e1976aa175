using System.Globalization;
using System.Text.RegularExpressions;

namespace AuthService.Application.ApiKeys;

/// <summary>What a client may put in a new key: the limits are generous but keep rows and tokens small.</summary>
internal static partial class ApiKeyRules
{
    public const int MaxActiveKeysPerUser = 50;
    public const int MaxScopes = 20;
    public const int MaxScopeLength = 64;

    /// <summary>A scope token: letters, digits and <c>: . _ - /</c>, starting with a letter or digit (no spaces, as scope strings are space separated).</summary>
    public static bool IsScope(string? scope) => scope is { Length: > 0 and <= MaxScopeLength } && ScopePattern().IsMatch(scope);

    /// <summary>
    /// Scopes other services trust as the platform's own: <c>introspect</c> (the introspection
    /// gate) and anything starting with <c>admin</c>. A user's key never carries one, whatever the
    /// letter case, so no signed-in user can mint a service key.
    /// </summary>
    public static bool IsReserved(string? scope) =>
        scope is not null
        && (scope.Equals("introspect", StringComparison.OrdinalIgnoreCase)
            || scope.StartsWith("admin", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// RFC 3339 date-time (<c>2027-01-31T12:00:00Z</c>, fraction and numeric offset allowed); the offset
    /// is required, so a bare local time is never silently taken as UTC.
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is { Length: <= 40 }
            && TimestampPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9:._/\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+\-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}

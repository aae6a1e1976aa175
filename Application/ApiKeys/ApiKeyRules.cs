using System.Globalization;
using System.Text.RegularExpressions;
using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>What a client may put in a new key (of either kind): the limits are generous but keep rows and tokens small.</summary>
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
        && (scope.Equals(ApiKey.IntrospectScope, StringComparison.OrdinalIgnoreCase)
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

    /// <summary>The key's expiry from the text the validator accepted; null for none.</summary>
    public static DateTimeOffset? ExpiryOf(string? text) => TryParseTimestamp(text, out var at) ? at : null;

    /// <summary>An optional expiry: an RFC 3339 timestamp with an offset, in the future.</summary>
    public static IRuleBuilderOptions<T, string?> Expiry<T>(this IRuleBuilder<T, string?> rule, TimeProvider clock) =>
        rule.Must(e => e is null || TryParseTimestamp(e, out _))
            .WithMessage("must be an RFC 3339 timestamp with an offset, such as 2030-01-31T12:00:00Z")
            .Must(e => e is null || !TryParseTimestamp(e, out var at) || at > clock.GetUtcNow())
            .WithMessage("must be in the future")
            .OverridePropertyName("expires_at");

    /// <summary>The key's name: required, and a name as <see cref="Rules.Name{T}"/> says.</summary>
    public static IRuleBuilderOptions<T, string?> KeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotNull().WithMessage("is required").Name().OverridePropertyName("name");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9:._/\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+\-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}

using System.Text.Json;

namespace AuthService.Application.SystemConfig;

/// <summary>
/// The fixed list of settings an operator may change at run time through the admin API. Nothing
/// else can be stored: an unknown key is refused, and every value is checked by its definition.
/// </summary>
public static class SettingCatalogue
{
    public const string CorsOrigins = "cors.origins";
    public const string Registration = "auth.registration";
    public const string MaxSessionsPerUser = "auth.max_sessions_per_user";
    public const string SessionLimitMode = "auth.session_limit_mode";

    public const string RegistrationOpen = "open";
    public const string RegistrationInviteOnly = "invite_only";
    public const string LimitRevokeOldest = "revoke_oldest";
    public const string LimitDeny = "deny";

    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new OriginListSetting(CorsOrigins, "cors", "CORS__ORIGINS", "Origins allowed to call the public API from a browser."),
        new ChoiceSetting(Registration, "auth", "AUTH__REGISTRATION", "Who may register: anyone, or only holders of an invitation.",
            RegistrationOpen, RegistrationInviteOnly),
        new IntegerSetting(MaxSessionsPerUser, "auth", "AUTH__MAX_SESSIONS_PER_USER",
            "Active sessions a user may hold; 0 is no limit.", 0, 0, 10_000),
        new ChoiceSetting(SessionLimitMode, "auth", "AUTH__SESSION_LIMIT_MODE",
            "At the limit, a new sign-in revokes the least recently used session, or is refused (409 SESSION_LIMIT_REACHED).",
            LimitRevokeOldest, LimitDeny),
    ];

    private static readonly Dictionary<string, SettingDefinition> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static SettingDefinition? Find(string? key) => key is not null && ByKey.TryGetValue(key, out var d) ? d : null;

    /// <summary>
    /// Every setting the environment gives, checked at start: a bad value stops the process with
    /// one line naming the variable, rather than being ignored until someone wonders why.
    /// </summary>
    public static EnvironmentSettings ReadEnvironment(Func<string, string?> lookup)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var definition in All)
        {
            if (lookup(definition.EnvironmentVariable) is not { } raw || (string.IsNullOrWhiteSpace(raw) && definition is not OriginListSetting))
            {
                continue;
            }

            if (!definition.TryFromEnvironment(raw, out var canonical, out var error))
            {
                throw new InvalidOperationException($"{definition.EnvironmentVariable} {error}.");
            }

            values[definition.Key] = canonical;
        }

        return new EnvironmentSettings(values);
    }
}

/// <summary>The settings the environment gives (already checked), by key.</summary>
public sealed record EnvironmentSettings(IReadOnlyDictionary<string, JsonElement> Values)
{
    public static readonly EnvironmentSettings None = new(new Dictionary<string, JsonElement>());
}

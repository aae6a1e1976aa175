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

    public const string RateLimitsEnabled = "rate_limit.enabled";

    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new BooleanSetting(RateLimitsEnabled, "rate_limit", "RATE_LIMIT__ENABLED", "false turns every abuse limit off (load tests).", true),
        .. RateLimitPolicies.Defaults.SelectMany(RateLimitSettings),
        new OriginListSetting(CorsOrigins, "cors", "CORS__ORIGINS", "Origins allowed to call the public API from a browser."),
        new ChoiceSetting(Registration, "auth", "AUTH__REGISTRATION", "Who may register: anyone, or only holders of an invitation.",
            RegistrationOpen, RegistrationInviteOnly),
        new IntegerSetting(MaxSessionsPerUser, "auth", "AUTH__MAX_SESSIONS_PER_USER",
            "Active sessions a user may hold; 0 is no limit.", 0, 0, 10_000),
        new ChoiceSetting(SessionLimitMode, "auth", "AUTH__SESSION_LIMIT_MODE",
            "At the limit, a new sign-in revokes the least recently used session, or is refused (409 SESSION_LIMIT_REACHED).",
            LimitRevokeOldest, LimitDeny),
    ];

    /// <summary><c>rate_limit.&lt;policy&gt;.limit</c>: hits allowed per window.</summary>
    public static string RateLimitKey(string policy) => $"rate_limit.{policy}.limit";

    /// <summary><c>rate_limit.&lt;policy&gt;.window_seconds</c>: the window's length.</summary>
    public static string RateLimitWindowKey(string policy) => $"rate_limit.{policy}.window_seconds";

    private static IEnumerable<SettingDefinition> RateLimitSettings(KeyValuePair<string, RateLimitRule> policy)
    {
        var stem = "RATE_LIMIT__" + RateLimitPolicies.SettingName(policy.Key);
        yield return new IntegerSetting(RateLimitKey(policy.Key), "rate_limit", stem + "__LIMIT",
            $"Requests allowed per window by the {policy.Key} limit.", policy.Value.Limit, 1, 1_000_000);
        yield return new IntegerSetting(RateLimitWindowKey(policy.Key), "rate_limit", stem + "__WINDOW_SECONDS",
            $"Window of the {policy.Key} limit, in seconds.", (int)policy.Value.Window.TotalSeconds, 1, 86_400);
    }

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

using System.Text.Json;

namespace AuthService.Application.SystemConfig;

public enum SettingSource
{
    Default,
    Environment,
    Database,
}

/// <summary>A setting's effective value and where it came from (the database wins over the environment, which wins over the default).</summary>
public sealed record SettingValue(
    string Key, string Category, JsonElement Value, SettingSource Source, DateTimeOffset? UpdatedAt, Guid? UpdatedBy);

/// <summary>A row of the system_config table.</summary>
public sealed record StoredSetting(string Key, JsonElement Value, string Category, DateTimeOffset UpdatedAt, Guid? UpdatedBy);

public enum RegistrationMode
{
    Open,
    InviteOnly,
}

public enum SessionLimitMode
{
    RevokeOldest,
    Deny,
}

/// <summary>Every run-time setting at one moment, typed once when loaded, so readers pay nothing per request.</summary>
public sealed class SystemSettingsSnapshot
{
    private readonly Dictionary<string, SettingValue> _values;
    private readonly Dictionary<string, RateLimitRule> _rateLimits;

    private SystemSettingsSnapshot(Dictionary<string, SettingValue> values)
    {
        _values = values;
        CorsOrigins = OriginListSetting.Read(Get(SettingCatalogue.CorsOrigins));
        Registration = Get(SettingCatalogue.Registration).GetString() == SettingCatalogue.RegistrationInviteOnly
            ? RegistrationMode.InviteOnly
            : RegistrationMode.Open;
        MaxSessionsPerUser = Get(SettingCatalogue.MaxSessionsPerUser).GetInt32();
        SessionLimitMode = Get(SettingCatalogue.SessionLimitMode).GetString() == SettingCatalogue.LimitDeny
            ? SessionLimitMode.Deny
            : SessionLimitMode.RevokeOldest;
        RateLimitsEnabled = Get(SettingCatalogue.RateLimitsEnabled).GetBoolean();
        _rateLimits = RateLimitPolicies.Defaults.Keys.ToDictionary(
            policy => policy,
            policy => new RateLimitRule(
                Get(SettingCatalogue.RateLimitKey(policy)).GetInt32(),
                TimeSpan.FromSeconds(Get(SettingCatalogue.RateLimitWindowKey(policy)).GetInt32())),
            StringComparer.Ordinal);
    }

    public bool RateLimitsEnabled { get; }

    /// <summary>The rule of a policy of <see cref="RateLimitPolicies"/>; an unknown one gets the general rule.</summary>
    public RateLimitRule RateLimit(string policy) =>
        _rateLimits.TryGetValue(policy, out var rule) ? rule : _rateLimits[RateLimitPolicies.General];

    public IReadOnlyCollection<SettingValue> Values => _values.Values;

    public IReadOnlySet<string> CorsOrigins { get; }

    public RegistrationMode Registration { get; }

    /// <summary>0: no limit.</summary>
    public int MaxSessionsPerUser { get; }

    public SessionLimitMode SessionLimitMode { get; }

    public JsonElement Get(string key) => _values[key].Value;

    /// <summary>
    /// Database over environment over default. A stored value that no longer passes its rule (a
    /// hand edit, a rule made stricter) is skipped, so one bad row cannot take a setting down.
    /// </summary>
    public static SystemSettingsSnapshot Build(EnvironmentSettings environment, IEnumerable<StoredSetting> stored)
    {
        var rows = stored.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        foreach (var definition in SettingCatalogue.All)
        {
            if (rows.TryGetValue(definition.Key, out var row) && definition.TryNormalize(row.Value, out var fromDatabase, out _))
            {
                values[definition.Key] = new(definition.Key, definition.Category, fromDatabase, SettingSource.Database, row.UpdatedAt, row.UpdatedBy);
            }
            else if (environment.Values.TryGetValue(definition.Key, out var fromEnvironment))
            {
                values[definition.Key] = new(definition.Key, definition.Category, fromEnvironment, SettingSource.Environment, null, null);
            }
            else
            {
                values[definition.Key] = new(definition.Key, definition.Category, definition.Default, SettingSource.Default, null, null);
            }
        }

        return new SystemSettingsSnapshot(values);
    }
}

using System.Globalization;
using System.Text.Json;

namespace AuthService.Application.SystemConfig;

/// <summary>
/// One known setting: its key in the admin API, its category, the environment variable that
/// sets it when the database does not, its default, and the rule a value must pass. Values are
/// JSON; <see cref="TryNormalize"/> turns an accepted one into its canonical form.
/// </summary>
public abstract class SettingDefinition(string key, string category, string environmentVariable, string description)
{
    public string Key { get; } = key;

    public string Category { get; } = category;

    /// <summary>As written in the environment, with <c>__</c> between section and name.</summary>
    public string EnvironmentVariable { get; } = environmentVariable;

    public string Description { get; } = description;

    public abstract JsonElement Default { get; }

    /// <summary>True when <paramref name="value"/> is acceptable; <paramref name="canonical"/> is then its stored form.</summary>
    public abstract bool TryNormalize(JsonElement value, out JsonElement canonical, out string error);

    /// <summary>The environment's text read as this setting's JSON value, then checked like any other.</summary>
    public virtual bool TryFromEnvironment(string raw, out JsonElement canonical, out string error) =>
        TryNormalize(JsonSerializer.SerializeToElement(raw.Trim()), out canonical, out error);

    protected static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}

/// <summary>A whole number within bounds (a JSON number, or a string of digits).</summary>
public sealed class IntegerSetting(string key, string category, string environmentVariable, string description, int fallback, int min, int max)
    : SettingDefinition(key, category, environmentVariable, description)
{
    public override JsonElement Default { get; } = Json(fallback);

    public override bool TryNormalize(JsonElement value, out JsonElement canonical, out string error)
    {
        canonical = default;
        error = $"must be a whole number from {min} to {max}";
        int number;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
        {
            number = n;
        }
        else if (value.ValueKind != JsonValueKind.String
            || !int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        if (number < min || number > max)
        {
            return false;
        }

        canonical = Json(number);
        return true;
    }
}

/// <summary>true or false (a JSON boolean, or the words as in the environment).</summary>
public sealed class BooleanSetting(string key, string category, string environmentVariable, string description, bool fallback)
    : SettingDefinition(key, category, environmentVariable, description)
{
    public override JsonElement Default { get; } = Json(fallback);

    public override bool TryNormalize(JsonElement value, out JsonElement canonical, out string error)
    {
        canonical = default;
        error = "must be true or false";
        bool? flag = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString()?.Trim(), out var parsed) => parsed,
            _ => null,
        };
        if (flag is not { } result)
        {
            return false;
        }

        canonical = Json(result);
        return true;
    }
}

/// <summary>One of a fixed set of words.</summary>
public sealed class ChoiceSetting(string key, string category, string environmentVariable, string description, params string[] choices)
    : SettingDefinition(key, category, environmentVariable, description)
{
    public IReadOnlyList<string> Choices { get; } = choices;

    public override JsonElement Default { get; } = Json(choices[0]);

    public override bool TryNormalize(JsonElement value, out JsonElement canonical, out string error)
    {
        canonical = default;
        error = $"must be one of {string.Join(", ", Choices)}";
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text
            || !Choices.Contains(text.Trim().ToLowerInvariant(), StringComparer.Ordinal))
        {
            return false;
        }

        canonical = Json(text.Trim().ToLowerInvariant());
        return true;
    }
}

using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace AuthService.Host.Configuration;

/// <summary>
/// Reads KEY=VALUE lines from a .env file and places them just below the environment
/// variables, so the environment overrides .env, which overrides built-in defaults.
/// </summary>
internal static class DotEnvFile
{
    public static void AddDotEnv(this ConfigurationManager configuration, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim().Replace("__", ":", StringComparison.Ordinal);
            var value = Value(line[(eq + 1)..].Trim());
            if (value.Length > 0)
            {
                values[key] = value;
            }
        }

        var sources = configuration.Sources;
        var envIndex = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        var source = new MemoryConfigurationSource { InitialData = values };
        if (envIndex < 0)
        {
            sources.Add(source);
        }
        else
        {
            sources.Insert(envIndex, source);
        }
    }

    // Quoted values are taken as they are; unquoted ones end at " #" (a trailing comment).
    // An empty value means "unset", as it does for ./run.sh's loader.
    private static string Value(string raw)
    {
        if (raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw.IndexOf(raw[0], 1) is var end and > 0)
        {
            return raw[1..end].Replace("\\n", "\n", StringComparison.Ordinal);
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }
}

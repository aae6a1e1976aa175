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
            values[key] = Unquote(line[(eq + 1)..].Trim());
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

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}

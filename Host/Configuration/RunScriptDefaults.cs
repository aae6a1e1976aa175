using Microsoft.Extensions.Configuration.Memory;

namespace AuthService.Host.Configuration;

/// <summary>
/// The settings ./run.sh exports for the servers it starts, as the lowest-priority defaults of the
/// one-off verbs (create-admin, migrate): run from a second shell beside ./run.sh they find its
/// database and keys, while the environment and .env still override them. The service itself gets
/// no such defaults: a server without DATABASE__URL stops and says so. Keep in step with run.sh.
/// </summary>
internal static class RunScriptDefaults
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DATABASE:URL"] = "postgresql://postgres@127.0.0.1:5433/authservice",
        ["REDIS:URL"] = "redis://127.0.0.1:6380/0",
        ["SMTP:HOST"] = "127.0.0.1",
        ["SMTP:PORT"] = "1025",
    };

    /// <summary>
    /// Adds the checkout's .env and the defaults below every other source, and says on stderr which
    /// defaults were used. The checkout is found upwards from the working directory, which
    /// <c>dotnet run --project Host</c> sets to Host/.
    /// </summary>
    public static void AddRunScriptDefaults(this ConfigurationManager configuration, TextWriter notes)
    {
        var checkout = FindCheckout(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        if (!string.Equals(checkout, Directory.GetCurrentDirectory(), StringComparison.Ordinal))
        {
            configuration.AddDotEnv(Path.Combine(checkout, ".env"));
        }

        var defaults = new Dictionary<string, string>(Values, StringComparer.OrdinalIgnoreCase)
        {
            ["JWT:SIGNING_KEYS_DIR"] = Path.Combine(checkout, ".data", "keys"),
        };
        var used = defaults.Where(v => string.IsNullOrEmpty(configuration[v.Key])).ToDictionary(v => v.Key, v => (string?)v.Value);
        if (used.Count == 0)
        {
            return;
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = used });
        foreach (var (key, value) in used)
        {
            notes.WriteLine($"authservice: {key.Replace(":", "__", StringComparison.Ordinal)} not set; using ./run.sh's {value}");
        }
    }

    private static string? FindCheckout(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "run.sh")) && File.Exists(Path.Combine(dir.FullName, "AuthService.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

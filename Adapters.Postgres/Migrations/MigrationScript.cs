using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>One forward-only SQL file, <c>NNNN_description.sql</c>, and the checksum that pins its content.</summary>
internal sealed partial record MigrationScript(long Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "migrations/";

    public static MigrationScript Create(string fileName, string sql)
    {
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException(
                $"Migration file '{fileName}' is not named NNNN_description.sql.");
        }

        // Line endings and a BOM are how a checkout looks, not what the SQL says: a Windows
        // clone must not count as a changed migration.
        var normalized = sql.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        var version = long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
        return new MigrationScript(version, fileName, normalized, checksum);
    }

    /// <summary>The files embedded in this assembly at build time from the repository's migrations/ folder.</summary>
    public static IReadOnlyList<MigrationScript> FromEmbeddedResources()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Create(n[ResourcePrefix.Length..], ReadResource(assembly, n)));
        return Ordered(scripts);
    }

    public static IReadOnlyList<MigrationScript> FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"DATABASE__MIGRATIONS_DIR points at '{directory}', which is not a directory.");
        }

        var scripts = Directory.EnumerateFiles(directory, "*.sql")
            .Select(path => Create(Path.GetFileName(path), File.ReadAllText(path)));
        return Ordered(scripts);
    }

    public static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        var clash = ordered.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", clash.Select(s => s.Name))} share version {clash.Key}.");
        }

        return ordered;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>[0-9]+)_[A-Za-z0-9_.-]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}

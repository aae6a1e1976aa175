using System.Globalization;
using System.Text;
using FluentMigrator;

namespace AuthService.Migrations;

/// <summary>
/// A forward-only migration that runs one SQL file embedded in this assembly, in the
/// transaction FluentMigrator opens for the migration (so a failing file leaves nothing behind).
/// The file name starts with the migration's version: <c>[Migration(4)]</c> runs <c>0004_*.sql</c>.
/// </summary>
public abstract class SqlScriptMigration(string fileName) : ForwardOnlyMigration
{
    /// <summary>The embedded file this migration runs, e.g. <c>0001_init.sql</c>.</summary>
    public string FileName { get; } = fileName;

    public override void Up()
    {
        var version = GetType().GetCustomAttributes(typeof(MigrationAttribute), inherit: false)
            .Cast<MigrationAttribute>().Single().Version;
        var prefix = version.ToString("D4", CultureInfo.InvariantCulture) + "_";
        if (!FileName.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Migration {version} must run a file named {prefix}*.sql, not {FileName}.");
        }

        Execute.Sql(Read(FileName));
    }

    /// <summary>The file's text; a BOM or Windows line endings from a checkout change nothing.</summary>
    public static string Read(string fileName)
    {
        using var stream = typeof(SqlScriptMigration).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"Migration file {fileName} is not embedded in {typeof(SqlScriptMigration).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().TrimStart('\uFEFF').ReplaceLineEndings("\n");
    }
}

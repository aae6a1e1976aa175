using System.Reflection;
using AuthService.Migrations;
using FluentMigrator;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>
/// One set of FluentMigrator migrations and the database they go to: by default every class in the
/// <c>AuthService.Migrations</c> namespace of the migrations project (tests pass a set of their own).
/// </summary>
internal sealed class MigrationSet(string connectionString, Assembly assembly, string @namespace)
{
    public static MigrationSet ForProduct(string connectionString) =>
        new(Unpooled(connectionString), typeof(SqlScriptMigration).Assembly, typeof(SqlScriptMigration).Namespace!);

    /// <summary>
    /// FluentMigrator's connection is used once: kept out of Npgsql's pool, it cannot be handed,
    /// dead after a database restart, to other code that opens the same connection string.
    /// </summary>
    private static string Unpooled(string connectionString) =>
        string.IsNullOrEmpty(connectionString)
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>The migrations of this set, in version order, read from their attributes.</summary>
    public IReadOnlyList<(long Version, string Description)> Known() =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.Namespace == @namespace && typeof(IMigration).IsAssignableFrom(t))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>())
            .OfType<MigrationAttribute>()
            .Select(a => (a.Version, a.Description ?? ""))
            .OrderBy(m => m.Version)
            .ToList();

    /// <summary>Applies every pending migration, each in a transaction of its own together with its VersionInfo row.</summary>
    public void MigrateUp()
    {
        using var provider = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres15_0()
                .WithGlobalConnectionString(connectionString)
                .WithGlobalCommandTimeout(TimeSpan.FromMinutes(30))
                .ScanIn(assembly).For.Migrations())
            .Configure<TypeFilterOptions>(filter =>
            {
                filter.Namespace = @namespace;
                filter.NestedNamespaces = false;
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
    }
}

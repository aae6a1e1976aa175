using AuthService.Adapters.Postgres.Migrations;
using AuthService.Adapters.Postgres.Plans;
using AuthService.Adapters.Postgres.Pruning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Postgres;

/// <summary>The PostgreSQL adapter's two entry points for the Host: wiring, and migrating.</summary>
public static class PostgresAdapter
{
    private static readonly Lock DapperSetupLock = new();
    private static bool _dapperConfigured;

    /// <summary>
    /// Registers the data source (from <c>DATABASE__URL</c>), the scoped unit of work, the
    /// repositories, the readiness probe named "postgres" and the pruner (its job: Application.Pruning).
    /// </summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services, IConfiguration configuration)
    {
        ConfigureDapper();

        services.AddOptions<PostgresOptions>()
            .Bind(configuration.GetSection(PostgresOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Url), "DATABASE__URL must be set (postgresql://user:pass@host:port/db).")
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || IsParsable(o.Url), "DATABASE__URL is neither a postgresql:// URL nor an Npgsql connection string.")
            .Validate(o => o.MaxAutoPrepare is >= 0 and <= 1000, "DATABASE__MAX_AUTO_PREPARE must be between 0 (off) and 1000.")
            .Validate(o => o.OutboxRetentionDays is >= 1 and <= 3650, "DATABASE__OUTBOX_RETENTION_DAYS must be between 1 and 3650.")
            .ValidateOnStart();

        services.AddOptions<Audit.AuditOptions>()
            .Bind(configuration.GetSection(Audit.AuditOptions.Section))
            .Validate(o => o.RetentionDays is >= 0 and <= 36500, "AUDIT__RETENTION_DAYS must be between 0 (keep forever) and 36500.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreateDataSource(
            sp.GetRequiredService<IOptions<PostgresOptions>>().Value, sp.GetService<ILoggerFactory>()));

        services.AddSingleton(sp => MigrationSet.ForProduct(
            DatabaseUrl.Parse(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.Url!).ConnectionString));
        services.AddSingleton<DatabaseMigrator>();

        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.Scan(scan => scan
            .FromAssemblyOf<UnitOfWork>()
            .AddClasses(classes => classes.Where(t => t.Name.EndsWith("Repository", StringComparison.Ordinal)), publicOnly: false)
            .AsSelfWithInterfaces()
            .WithScopedLifetime());
        services.AddSingleton<PlanCache>();
        services.AddSingleton<Outbox.OutboxSignal>();
        services.AddSingleton<Application.Outbox.IOutboxStore, Outbox.OutboxStore>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyProbe, PostgresProbe>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutageClassifier, PostgresOutageClassifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRejectedInputClassifier, PostgresRejectedInputClassifier>());
        services.AddSingleton<Pruner>();
        services.AddSingleton<Application.Pruning.IExpiredDataPruner>(sp => sp.GetRequiredService<Pruner>());
        return services;
    }

    /// <summary>
    /// Applies the pending migrations of the migrations project (FluentMigrator, under an
    /// advisory lock) and returns the versions this call applied.
    /// </summary>
    public static Task<IReadOnlyList<long>> MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);

    /// <summary>Every migration this build knows, applied or pending (<c>migrate --list</c>); writes nothing.</summary>
    public static Task<IReadOnlyList<MigrationStatus>> ListMigrationsAsync(this IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DatabaseMigrator>().ListAsync(ct);

    private static NpgsqlDataSource CreateDataSource(PostgresOptions options, ILoggerFactory? loggerFactory)
    {
        var connection = DatabaseUrl.Parse(options.Url!);
        connection.Pooling = true;
        connection.MaxAutoPrepare = options.MaxAutoPrepare;
        connection.AutoPrepareMinUsages = 2;
        if (string.IsNullOrEmpty(connection.ApplicationName))
        {
            connection.ApplicationName = "authservice";
        }

        var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString);
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }

    private static bool IsParsable(string url)
    {
        try
        {
            DatabaseUrl.Parse(url);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void ConfigureDapper()
    {
        lock (DapperSetupLock)
        {
            if (_dapperConfigured)
            {
                return;
            }

            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            _dapperConfigured = true;
        }
    }
}

using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Postgres;

/// <summary>The <c>DATABASE</c> section: <c>DATABASE__URL</c>, <c>DATABASE__MAX_AUTO_PREPARE</c>, ...</summary>
internal sealed class PostgresOptions
{
    public const string Section = "DATABASE";

    /// <summary>A <c>postgresql://</c> URL or an Npgsql connection string.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// How many statements each connection keeps prepared (Npgsql's Max Auto Prepare): a
    /// statement used twice is prepared on that connection, so PostgreSQL stops parsing and
    /// planning it on every request. 0 turns it off (e.g. behind a pooler that cannot keep
    /// prepared statements).
    /// </summary>
    [ConfigurationKeyName("MAX_AUTO_PREPARE")]
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>Days a sent or dead outbox row stays visible (admin API, webhook deliveries) before pruning.</summary>
    [ConfigurationKeyName("OUTBOX_RETENTION_DAYS")]
    public int OutboxRetentionDays { get; set; } = 7;
}

using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Postgres.Audit;

/// <summary>The <c>AUDIT</c> section.</summary>
internal sealed class AuditOptions
{
    public const string Section = "AUDIT";

    /// <summary>Audit rows older than this many days are deleted by the pruning job (through audit_events_prune); 0 keeps them forever.</summary>
    [ConfigurationKeyName("RETENTION_DAYS")]
    public int RetentionDays { get; set; } = 365;
}

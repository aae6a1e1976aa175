namespace AuthService.Application.Jobs;

/// <summary>
/// Every background job's interval, in one place: the <c>JOBS__*</c> settings, read by the Host
/// (<c>JobSettingsReader</c>; the older names in brackets are still accepted).
/// </summary>
public sealed record JobSettings
{
    /// <summary>
    /// <c>JOBS__REVOCATION_POLL_MS</c> (250): the revocation cache's round (retry failed writes,
    /// refill after Redis lost its data, republish recent revocations). With the 500 ms
    /// "not revoked" memory this keeps every instance inside the contract's 1 s.
    /// </summary>
    public TimeSpan RevocationPoll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary><c>JOBS__OUTBOX_POLL_MS</c> (1000): outbox rounds when no commit of this process woke it; twice that after a failed round.</summary>
    public TimeSpan OutboxPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the outbox backlog gauge of /metrics is recounted.</summary>
    public TimeSpan OutboxCount { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>JOBS__PRUNE_INTERVAL_MINUTES</c> [<c>DATABASE__PRUNE_INTERVAL_MINUTES</c>] (10); 0 turns pruning off.</summary>
    public TimeSpan Prune { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary><c>JOBS__SERVICE_CALL_SUMMARY_SECONDS</c> [<c>INTROSPECTION__AUDIT_SUMMARY_SECONDS</c>] (60).</summary>
    public TimeSpan ServiceCallSummary { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>JOBS__SYSTEM_SETTINGS_REFRESH_SECONDS</c> [<c>SYSTEM_CONFIG__REFRESH_SECONDS</c>] (2).</summary>
    public TimeSpan SystemSettingsRefresh { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>JOBS__ADMIN_BOOTSTRAP_RETRY_SECONDS</c> (30): granting ADMIN__BOOTSTRAP_EMAILS is retried this often until PostgreSQL answers.</summary>
    public TimeSpan AdminBootstrapRetry { get; init; } = TimeSpan.FromSeconds(30);
}

using AuthService.Adapters.Postgres.Audit;
using AuthService.Adapters.Postgres.Connection;
using AuthService.Adapters.Postgres.Outbox;
using AuthService.Adapters.Postgres.Sessions;
using AuthService.Application.Abstractions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Postgres.Pruning;

/// <summary>
/// Deletes what can no longer be used: expired codes and long-ended sessions (rotated refresh-token
/// hashes go only with their session, so a replay of one, however late, is recognised as reuse and
/// revokes the session); audit rows past AUDIT__RETENTION_DAYS, through the one function the
/// append-only trigger allows; and sent or dead outbox rows past DATABASE__OUTBOX_RETENTION_DAYS.
/// </summary>
internal sealed class Pruner(
    IServiceScopeFactory scopes, IOptions<AuditOptions> audit, IOptions<PostgresOptions> options, ILogger<Pruner> logger)
{
    /// <summary>Ended sessions stay listed for admins and support this long.</summary>
    public static readonly TimeSpan EndedSessionRetention = TimeSpan.FromDays(30);

    private const string PruneAuditSql = "SELECT audit_events_prune(@before)";

    // Every instance runs the job; the first to take this lock does the work for that round.
    private const long LockKey = 0x4175_7468_5072_756E; // "AuthPrun"

    /// <summary>Returns false when another instance holds the pruning lock.</summary>
    public async Task<bool> PruneAsync(DateTimeOffset now, CancellationToken ct)
    {
        const string TryLockSql = "SELECT pg_try_advisory_xact_lock(@key)";
        await using var scope = scopes.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = await uow.EnlistAsync(ct);
        if (!await db.Connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(TryLockSql, new { key = LockKey }, db.Transaction, cancellationToken: ct)))
        {
            return false;
        }

        var codes = await scope.ServiceProvider.GetRequiredService<IOtpRepository>().DeleteExpiredAsync(now, ct);
        var sessions = await scope.ServiceProvider.GetRequiredService<SessionRepository>()
            .PruneAsync(now - EndedSessionRetention, ct);
        var auditRows = audit.Value.RetentionDays == 0
            ? 0
            : await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                PruneAuditSql, new { before = now.AddDays(-audit.Value.RetentionDays) }, db.Transaction, cancellationToken: ct));
        await scope.ServiceProvider.GetRequiredService<Mfa.PendingSignInRepository>().DeleteExpiredAsync(now, ct);
        var messages = await scope.ServiceProvider.GetRequiredService<OutboxRepository>()
            .PruneAsync(now - TimeSpan.FromDays(options.Value.OutboxRetentionDays), ct);
        await scope.ServiceProvider.GetRequiredService<Mfa.PasskeyRepository>().DeleteExpiredChallengesAsync(now, ct);
        await uow.CommitAsync(ct);

        logger.LogInformation(
            "Pruned {Codes} expired code(s), {Sessions} ended session(s) with their refresh tokens, {AuditRows} audit row(s), {Messages} sent or dead outbox row(s)",
            codes, sessions, auditRows, messages);
        return true;
    }
}

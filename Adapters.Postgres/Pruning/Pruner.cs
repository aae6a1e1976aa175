using AuthService.Adapters.Postgres.Audit;
using AuthService.Application.Otp;
using AuthService.Application.Pruning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Postgres.Pruning;

/// <summary>
/// Deletes what can no longer be used, in one transaction: expired codes, MFA sign-ins and
/// passkey challenges; long-ended sessions (rotated refresh-token hashes go only with their
/// session, so a replay of one, however late, is recognised as reuse and revokes the session);
/// audit rows past AUDIT__RETENTION_DAYS, through the one function the append-only trigger
/// allows; and sent or dead outbox rows past DATABASE__OUTBOX_RETENTION_DAYS (pending ones never).
/// </summary>
internal sealed class Pruner(
    IServiceScopeFactory scopes, IOptions<AuditOptions> audit, IOptions<PostgresOptions> options, ILogger<Pruner> logger)
    : IExpiredDataPruner
{
    /// <summary>Ended sessions stay listed for admins and support this long.</summary>
    public static readonly TimeSpan EndedSessionRetention = TimeSpan.FromDays(30);

    // Every instance runs the job; the first to take this lock does the work for that round.
    private const long LockKey = 0x4175_7468_5072_756E; // "AuthPrun"

    private const string TryLockSql = "SELECT pg_try_advisory_xact_lock(@key)";

    // Their refresh tokens, rotated ones included, go with them (ON DELETE CASCADE), and only then.
    private const string SessionsSql = "DELETE FROM sessions WHERE expires_at < @endedBefore OR revoked_at < @endedBefore";
    private const string AuditSql = "SELECT audit_events_prune(@before)";
    private const string PendingSignInsSql = "DELETE FROM mfa_challenges WHERE expires_at < @now";
    private const string OutboxSql = "DELETE FROM outbox_messages WHERE status <> 'pending' AND finished_at < @cutoff";
    private const string PasskeyChallengesSql = "DELETE FROM webauthn_challenges WHERE expires_at < @now";

    public async Task<bool> PruneAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = await uow.EnlistAsync(ct);
        Task<T> Scalar<T>(string sql, object args) =>
            db.Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct))!;
        Task<int> Delete(string sql, object args) =>
            db.Connection.ExecuteAsync(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));

        if (!await Scalar<bool>(TryLockSql, new { key = LockKey }))
        {
            return false;
        }

        var codes = await scope.ServiceProvider.GetRequiredService<IOtpRepository>().DeleteExpiredAsync(now, ct);
        var sessions = await Delete(SessionsSql, new { endedBefore = now - EndedSessionRetention });
        var auditRows = audit.Value.RetentionDays == 0
            ? 0
            : await Scalar<long>(AuditSql, new { before = now.AddDays(-audit.Value.RetentionDays) });
        await Delete(PendingSignInsSql, new { now });
        var messages = await Delete(OutboxSql, new { cutoff = now - TimeSpan.FromDays(options.Value.OutboxRetentionDays) });
        await Delete(PasskeyChallengesSql, new { now });
        await uow.CommitAsync(ct);

        logger.LogInformation(
            "Pruned {Codes} expired code(s), {Sessions} ended session(s) with their refresh tokens, {AuditRows} audit row(s), {Messages} sent or dead outbox row(s)",
            codes, sessions, auditRows, messages);
        return true;
    }
}

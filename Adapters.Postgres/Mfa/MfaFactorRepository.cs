using AuthService.Application.Mfa;
using AuthService.Domain.Mfa;

namespace AuthService.Adapters.Postgres.Mfa;

internal sealed class MfaFactorRepository(UnitOfWork uow) : IMfaFactorRepository
{
    public async Task<MfaSummary> GetSummaryAsync(Guid userId, CancellationToken ct)
    {
        const string Sql = """
            SELECT
                EXISTS (SELECT 1 FROM totp_factors WHERE user_id = @userId AND confirmed_at IS NOT NULL) AS "Totp",
                (SELECT count(*)::int FROM passkeys WHERE user_id = @userId) AS "Passkeys",
                (SELECT count(*)::int FROM recovery_codes WHERE user_id = @userId AND used_at IS NULL) AS "RecoveryCodesLeft"
            """;
        var db = await uow.ReadAsync(ct);
        return await db.Connection.QuerySingleAsync<MfaSummary>(
            new CommandDefinition(Sql, new { userId }, db.Transaction, cancellationToken: ct));
    }

    public async Task<TotpFactor?> FindTotpAsync(Guid userId, CancellationToken ct)
    {
        const string Sql = """
            SELECT user_id, secret_ciphertext, created_at, confirmed_at, last_used_step
            FROM totp_factors WHERE user_id = @userId
            """;
        var db = await uow.ReadAsync(ct);
        return await db.Connection.QuerySingleOrDefaultAsync<TotpFactor>(
            new CommandDefinition(Sql, new { userId }, db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> SavePendingTotpAsync(TotpFactor factor, CancellationToken ct)
    {
        // A confirmed factor is never overwritten here: the WHERE of the upsert leaves it alone.
        const string Sql = """
            INSERT INTO totp_factors (user_id, secret_ciphertext, created_at, confirmed_at, last_used_step)
            VALUES (@UserId, @SecretCiphertext, @CreatedAt, NULL, 0)
            ON CONFLICT (user_id) DO UPDATE
                SET secret_ciphertext = EXCLUDED.secret_ciphertext, created_at = EXCLUDED.created_at, last_used_step = 0
                WHERE totp_factors.confirmed_at IS NULL
            """;
        return await ExecuteAsync(Sql, new { factor.UserId, factor.SecretCiphertext, factor.CreatedAt }, ct) == 1;
    }

    public async Task<bool> ConfirmTotpAsync(Guid userId, long step, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors TotpFactor.TryConfirm
        const string Sql = """
            UPDATE totp_factors SET confirmed_at = @now, last_used_step = @step
            WHERE user_id = @userId AND confirmed_at IS NULL AND last_used_step < @step
            """;
        return await ExecuteAsync(Sql, new { userId, step, now }, ct) == 1;
    }

    public async Task<bool> AcceptTotpStepAsync(Guid userId, long step, string? reencryptedSecret, CancellationToken ct)
    {
        // mirrors TotpFactor.TryAcceptStep: the row lock serialises parallel uses of one code, and
        // the second re-reads last_used_step after the first committed, so only one succeeds.
        const string Sql = """
            UPDATE totp_factors
            SET last_used_step = @step, secret_ciphertext = COALESCE(@reencryptedSecret, secret_ciphertext)
            WHERE user_id = @userId AND confirmed_at IS NOT NULL AND last_used_step < @step
            """;
        return await ExecuteAsync(Sql, new { userId, step, reencryptedSecret }, ct) == 1;
    }

    public async Task<bool> DeleteTotpAsync(Guid userId, CancellationToken ct) =>
        await ExecuteAsync("DELETE FROM totp_factors WHERE user_id = @userId", new { userId }, ct) == 1;

    public async Task ReplaceRecoveryCodesAsync(Guid userId, IReadOnlyList<string> codeHashes, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            WITH gone AS (DELETE FROM recovery_codes WHERE user_id = @userId)
            INSERT INTO recovery_codes (code_hash, user_id, created_at)
            SELECT h, @userId, @now FROM unnest(@hashes) AS h
            """;
        await ExecuteAsync(Sql, new { userId, now, hashes = codeHashes.ToArray() }, ct);
    }

    public async Task<RecoveryCode?> FindRecoveryCodeAsync(Guid userId, string codeHash, CancellationToken ct)
    {
        const string Sql = """
            SELECT user_id, code_hash, created_at, used_at FROM recovery_codes
            WHERE code_hash = @codeHash AND user_id = @userId
            """;
        var db = await uow.ReadAsync(ct);
        return await db.Connection.QuerySingleOrDefaultAsync<RecoveryCode>(
            new CommandDefinition(Sql, new { userId, codeHash }, db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> UseRecoveryCodeAsync(Guid userId, string codeHash, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors RecoveryCode.TryUse: a code is burned once, even when two requests race.
        const string Sql = """
            UPDATE recovery_codes SET used_at = @now
            WHERE code_hash = @codeHash AND user_id = @userId AND used_at IS NULL
            """;
        return await ExecuteAsync(Sql, new { userId, codeHash, now }, ct) == 1;
    }

    public Task DeleteRecoveryCodesAsync(Guid userId, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM recovery_codes WHERE user_id = @userId", new { userId }, ct);

    public async Task<bool> SessionPassedMfaAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = "SELECT COALESCE((SELECT 'mfa' = ANY (amr) FROM sessions WHERE id = @sessionId), false)";
        var db = await uow.ReadAsync(ct);
        return await db.Connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(Sql, new { sessionId }, db.Transaction, cancellationToken: ct));
    }

    public async Task AddSessionAmrAsync(Guid sessionId, IReadOnlyList<string> amr, CancellationToken ct)
    {
        const string Sql = """
            UPDATE sessions SET amr = ARRAY(SELECT DISTINCT unnest(amr || @amr) ORDER BY 1)
            WHERE id = @sessionId
            """;
        await ExecuteAsync(Sql, new { sessionId, amr = amr.ToArray() }, ct);
    }

    private async Task<int> ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
    }
}

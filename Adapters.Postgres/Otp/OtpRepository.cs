using AuthService.Application.Otp;
using AuthService.Domain.Otp;

namespace AuthService.Adapters.Postgres.Otp;

internal sealed class OtpRepository(UnitOfWork uow) : IOtpRepository
{
    public async Task ReplaceAsync(OtpCode code, CancellationToken ct)
    {
        // Older live codes are voided by marking them consumed: every check that refuses a used
        // code (reserve, consume) then refuses them as well, with no extra state to keep in sync.
        const string Sql = """
            WITH voided AS (
                UPDATE otp_codes SET consumed_at = @CreatedAt
                WHERE purpose = @Purpose AND destination = @Destination AND consumed_at IS NULL AND expires_at > @CreatedAt
            )
            INSERT INTO otp_codes (id, purpose, destination, user_id, code_hash, created_at, expires_at, attempts, consumed_at)
            VALUES (@Id, @Purpose, @Destination, @UserId, @CodeHash, @CreatedAt, @ExpiresAt, @Attempts, @ConsumedAt)
            """;
        var args = new
        {
            code.Id,
            Purpose = OtpRow.PurposeText(code.Purpose),
            code.Destination,
            code.UserId,
            code.CodeHash,
            code.CreatedAt,
            code.ExpiresAt,
            code.Attempts,
            code.ConsumedAt,
        };
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, args, db.Transaction, cancellationToken: ct));
    }

    public async Task<OtpCode?> FindLatestAsync(OtpPurpose purpose, string destination, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {OtpRow.Columns} FROM otp_codes
            WHERE purpose = @purpose AND destination = @destination
            ORDER BY created_at DESC, id DESC
            LIMIT 1
            """;
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<OtpRow>(new CommandDefinition(
            Sql, new { purpose = OtpRow.PurposeText(purpose), destination }, db.Transaction, cancellationToken: ct));
        return row?.ToOtpCode();
    }

    public async Task<bool> TryReserveAttemptAsync(Guid codeId, int maxAttempts, CancellationToken ct)
    {
        // The row lock taken by UPDATE serialises parallel guesses, and each re-checks
        // attempts < max after the previous one committed: the limit cannot be overshot.
        const string Sql = """
            -- mirrors OtpCode.Attempt: a used code or one out of attempts refuses; else one attempt burns
            UPDATE otp_codes SET attempts = attempts + 1
            WHERE id = @codeId AND attempts < @maxAttempts AND consumed_at IS NULL
            RETURNING id
            """;
        var db = await uow.EnlistAsync(ct);
        var reserved = await db.Connection.QueryAsync<Guid>(
            new CommandDefinition(Sql, new { codeId, maxAttempts }, db.Transaction, cancellationToken: ct));
        return reserved.Any();
    }

    public async Task<bool> TryConsumeAsync(Guid codeId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            -- mirrors OtpCode.Attempt: the right code consumes a code neither used nor expired
            UPDATE otp_codes SET consumed_at = @now
            WHERE id = @codeId AND consumed_at IS NULL AND expires_at > @now
            """;
        var db = await uow.EnlistAsync(ct);
        var affected = await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { codeId, now }, db.Transaction, cancellationToken: ct));
        return affected == 1;
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset olderThan, CancellationToken ct)
    {
        const string Sql = "DELETE FROM otp_codes WHERE expires_at < @olderThan";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { olderThan }, db.Transaction, cancellationToken: ct));
    }
}

using AuthService.Application.Mfa;
using AuthService.Domain.Mfa;

namespace AuthService.Adapters.Postgres.Mfa;

internal sealed class PendingSignInRepository(UnitOfWork uow) : IPendingSignInRepository
{
    private const string Columns = """
        id, user_id, auth_method, amr, device_name, ip, user_agent, created_at, expires_at, attempts, consumed_at
        """;

    public async Task CreateAsync(PendingSignIn pending, string tokenHash, CancellationToken ct)
    {
        const string Sql = $"""
            INSERT INTO mfa_challenges (token_hash, {Columns})
            VALUES (@tokenHash, @Id, @UserId, @AuthMethod, @Amr, @DeviceName, @Ip, @UserAgent, @CreatedAt, @ExpiresAt, 0, NULL)
            """;
        var args = new
        {
            tokenHash,
            pending.Id,
            pending.UserId,
            pending.AuthMethod,
            Amr = pending.Amr.ToArray(),
            pending.DeviceName,
            pending.Ip,
            pending.UserAgent,
            pending.CreatedAt,
            pending.ExpiresAt,
        };
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, args, db.Transaction, cancellationToken: ct));
    }

    public async Task<PendingSignIn?> BeginAttemptAsync(string tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors PendingSignIn.TryBeginAttempt. The row lock serialises parallel tries, each
        // re-checking attempts after the previous committed, so the limit is never overshot.
        const string Sql = $"""
            UPDATE mfa_challenges SET attempts = attempts + 1
            WHERE token_hash = @tokenHash AND consumed_at IS NULL AND expires_at > @now AND attempts < @max
            RETURNING {Columns}
            """;
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Sql, new { tokenHash, now, max = PendingSignIn.MaxAttempts }, db.Transaction, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<PendingSignIn?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors PendingSignIn.IsUsable
        const string Sql = $"""
            SELECT {Columns} FROM mfa_challenges
            WHERE token_hash = @tokenHash AND consumed_at IS NULL AND expires_at > @now AND attempts < @max
            """;
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Sql, new { tokenHash, now, max = PendingSignIn.MaxAttempts }, db.Transaction, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<bool> ConsumeAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors PendingSignIn.TryConsume: one use, before expiry, even when two requests race.
        const string Sql = """
            UPDATE mfa_challenges SET consumed_at = @now
            WHERE id = @id AND consumed_at IS NULL AND expires_at > @now
            """;
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { id, now }, db.Transaction, cancellationToken: ct)) == 1;
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid UserId { get; init; }
        public string AuthMethod { get; init; } = "";
        public string[] Amr { get; init; } = [];
        public string? DeviceName { get; init; }
        public string? Ip { get; init; }
        public string? UserAgent { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? ConsumedAt { get; init; }

        public PendingSignIn ToDomain() => new()
        {
            Id = Id,
            UserId = UserId,
            AuthMethod = AuthMethod,
            Amr = Amr,
            DeviceName = DeviceName,
            Ip = Ip,
            UserAgent = UserAgent,
            CreatedAt = CreatedAt,
            ExpiresAt = ExpiresAt,
            Attempts = Attempts,
            ConsumedAt = ConsumedAt,
        };
    }
}

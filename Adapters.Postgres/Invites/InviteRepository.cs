using AuthService.Application.Invites;
using AuthService.Domain.Invites;

namespace AuthService.Adapters.Postgres.Invites;

internal sealed class InviteRepository(UnitOfWork uow) : IInviteRepository
{
    private const string Columns = "id, token_hash, email, created_at, created_by, expires_at, used_at, used_by, revoked_at";

    public async Task AddAsync(Invite invite, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO invites (id, token_hash, email, created_at, created_by, expires_at)
            VALUES (@Id, @TokenHash, @Email, @CreatedAt, @CreatedBy, @ExpiresAt)
            """;
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(
            Sql, new { invite.Id, invite.TokenHash, invite.Email, invite.CreatedAt, invite.CreatedBy, invite.ExpiresAt },
            db.Transaction, cancellationToken: ct));
    }

    public Task<Invite?> FindAsync(Guid inviteId, CancellationToken ct) =>
        FindOneAsync($"SELECT {Columns} FROM invites WHERE id = @key", inviteId, ct);

    public Task<Invite?> FindByTokenHashAsync(string tokenHash, CancellationToken ct) =>
        FindOneAsync($"SELECT {Columns} FROM invites WHERE token_hash = @key", tokenHash, ct);

    public async Task<IReadOnlyList<Invite>> ListAsync(int limit, CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns} FROM invites ORDER BY created_at DESC, id DESC LIMIT @limit";
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, new { limit }, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToInvite())];
    }

    public async Task<bool> RevokeAsync(Guid inviteId, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors Invite.Revoke: neither used nor revoked (an expired one may still be revoked).
        const string Sql = "UPDATE invites SET revoked_at = @now WHERE id = @inviteId AND used_at IS NULL AND revoked_at IS NULL";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { inviteId, now }, db.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<Guid?> ConsumeAsync(string tokenHash, string? email, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors Invite.Use (Invite.Admits): pending (unused, unrevoked, unexpired) and for this email
        // or any. A concurrent use of the same token waits on the row, then finds used_at set.
        const string Sql = """
            UPDATE invites SET used_at = @now, used_by = @userId
            WHERE token_hash = @tokenHash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
              AND (email IS NULL OR email = @email)
            RETURNING id
            """;
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteScalarAsync<Guid?>(
            new CommandDefinition(Sql, new { tokenHash, email, userId, now }, db.Transaction, cancellationToken: ct));
    }

    public async Task<Guid?> ConsumeForEmailAsync(string email, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors Invite.Use for the oldest pending invitation bound to this email.
        const string Sql = """
            UPDATE invites SET used_at = @now, used_by = @userId
            WHERE id = (
                SELECT id FROM invites
                WHERE email = @email AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
                ORDER BY created_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteScalarAsync<Guid?>(
            new CommandDefinition(Sql, new { email, userId, now }, db.Transaction, cancellationToken: ct));
    }

    private async Task<Invite?> FindOneAsync(string sql, object key, CancellationToken ct)
    {
        var db = await uow.ReadAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { key }, db.Transaction, cancellationToken: ct));
        return row?.ToInvite();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string TokenHash { get; init; } = "";
        public string? Email { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public Guid? CreatedBy { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? UsedAt { get; init; }
        public Guid? UsedBy { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }

        public Invite ToInvite() => Invite.Restore(Id, TokenHash, Email, CreatedAt, CreatedBy, ExpiresAt, UsedAt, UsedBy, RevokedAt);
    }
}

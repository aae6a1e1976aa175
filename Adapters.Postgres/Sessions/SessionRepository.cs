using AuthService.Adapters.Postgres.Users;
using AuthService.Domain.Sessions;

namespace AuthService.Adapters.Postgres.Sessions;

internal sealed class SessionRepository(UnitOfWork uow) : ISessionRepository
{
    public async Task CreateAsync(Session session, string refreshTokenHash, CancellationToken ct)
    {
        const string Sql = """
            WITH created AS (
                INSERT INTO sessions (id, user_id, auth_method, created_at, last_used_at, expires_at, revoked_at,
                                      revoked_reason, ip, user_agent, device_name, amr)
                VALUES (@Id, @UserId, @AuthMethod, @CreatedAt, @LastUsedAt, @ExpiresAt, @RevokedAt,
                        @RevokedReason, @Ip, @UserAgent, @DeviceName, @Amr)
                RETURNING id
            )
            INSERT INTO refresh_tokens (token_hash, session_id, created_at)
            SELECT @refreshTokenHash, id, @CreatedAt FROM created
            """;
        var args = new
        {
            session.Id,
            session.UserId,
            session.AuthMethod,
            session.CreatedAt,
            LastUsedAt = session.LastUsedAt == default ? session.CreatedAt : session.LastUsedAt,
            session.ExpiresAt,
            session.RevokedAt,
            session.RevokedReason,
            session.Ip,
            session.UserAgent,
            session.DeviceName,
            Amr = session.Amr.ToArray(),
            refreshTokenHash,
        };
        await ExecuteAsync(Sql, args, ct);
    }

    public async Task<RotatedSession?> RotateRefreshTokenAsync(
        string presentedHash, string successorHash, DateTimeOffset now, DateTimeOffset newExpiresAt, CancellationToken ct)
    {
        // One statement, so no caller ever sees a half-done rotation:
        //   target:    the session of the presented token, if that token is current and the session
        //              active, locked FOR UPDATE. Concurrent rotations (and revocations) of the
        //              session queue here; once the winner commits, the others re-check the row.
        //   retired:   the presented token stops being current. For a queued loser this finds
        //              nothing (rotated_at is set by now), so nothing below happens for it either.
        //   touched:   the session slides its expiry.
        //   successor: the new current token (the partial unique index allows one per session).
        // A revoked or expired session matches no target: nothing at all changes (the rule of
        // Session.Refresh, whose RefreshStep.Rotate is exactly what `target` selects). The user's row
        // comes back with the session, so the caller needs no second round trip; and since the
        // statement is atomic on its own, it runs in autocommit when no transaction is under way
        // (BEGIN and COMMIT would be two more round trips for nothing).
        const string Sql = $"""
            WITH target AS (
                SELECT s.id
                FROM refresh_tokens t
                JOIN sessions s ON s.id = t.session_id
                WHERE t.token_hash = @presentedHash AND t.rotated_at IS NULL  -- mirrors Session.Refresh: RefreshStep.Rotate
                  AND s.revoked_at IS NULL AND s.expires_at > @now
                FOR UPDATE OF s
            ), retired AS (
                UPDATE refresh_tokens t SET rotated_at = @now
                FROM target
                WHERE t.token_hash = @presentedHash AND t.rotated_at IS NULL AND t.session_id = target.id
                RETURNING t.session_id
            ), touched AS (
                UPDATE sessions s SET last_used_at = @now, expires_at = @newExpiresAt
                FROM retired r
                WHERE s.id = r.session_id
                RETURNING {SessionRow.Columns}
            ), successor AS (
                INSERT INTO refresh_tokens (token_hash, session_id, created_at)
                SELECT @successorHash, id, @now FROM touched
                RETURNING session_id
            )
            SELECT touched.*, u.*
            FROM touched
            JOIN successor ON successor.session_id = touched.id
            CROSS JOIN LATERAL (SELECT {UserRow.Columns} FROM users WHERE users.id = touched.user_id) u
            """;
        var db = await uow.StatementAsync(ct);
        var rows = await db.Connection.QueryAsync<SessionRow, UserRow, RotatedSession>(
            new CommandDefinition(Sql, new { presentedHash, successorHash, now, newExpiresAt }, db.Transaction, cancellationToken: ct),
            static (session, user) => new RotatedSession(session.ToSession(), user.ToUser()),
            splitOn: "id");
        return rows.SingleOrDefault();
    }

    public async Task<RefreshTokenRecord?> FindRefreshTokenAsync(string tokenHash, CancellationToken ct)
    {
        const string Sql = "SELECT session_id, rotated_at FROM refresh_tokens WHERE token_hash = @tokenHash";
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<RefreshTokenRow>(
            new CommandDefinition(Sql, new { tokenHash }, db.Transaction, cancellationToken: ct));
        return row is null ? null : new RefreshTokenRecord(row.SessionId, row.RotatedAt);
    }

    public async Task<bool> IsCurrentRefreshTokenAsync(Guid sessionId, string tokenHash, CancellationToken ct)
    {
        const string Sql = """
            SELECT EXISTS (
                SELECT 1 FROM refresh_tokens
                WHERE token_hash = @tokenHash AND session_id = @sessionId AND rotated_at IS NULL)
            """;
        return await ScalarAsync<bool>(Sql, new { sessionId, tokenHash }, ct);
    }

    public async Task<Session?> FindAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = $"SELECT {SessionRow.Columns} FROM sessions WHERE id = @sessionId";
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<SessionRow>(
            new CommandDefinition(Sql, new { sessionId }, db.Transaction, cancellationToken: ct));
        return row?.ToSession();
    }

    public async Task<IReadOnlyList<Session>> ListActiveForUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {SessionRow.Columns} FROM sessions
            WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now
            ORDER BY created_at DESC, id DESC
            """;
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<SessionRow>(
            new CommandDefinition(Sql, new { userId, now }, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToSession())];
    }

    public async Task<bool> RevokeAsync(Guid sessionId, Guid userId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE sessions SET revoked_at = @now, revoked_reason = @reason  -- mirrors Session.Revoke
            WHERE id = @sessionId AND user_id = @userId AND revoked_at IS NULL AND expires_at > @now
            """;
        var db = await uow.EnlistAsync(ct);
        var affected = await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { sessionId, userId, reason, now }, db.Transaction, cancellationToken: ct));
        return affected == 1;
    }

    public async Task<IReadOnlyList<Guid>> RevokeAllForUserAsync(
        Guid userId, Guid? except, string reason, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE sessions SET revoked_at = @now, revoked_reason = @reason  -- mirrors Session.Revoke
            WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now AND id IS DISTINCT FROM @except
            RETURNING id
            """;
        var db = await uow.EnlistAsync(ct);
        var ids = await db.Connection.QueryAsync<Guid>(
            new CommandDefinition(Sql, new { userId, except, reason, now }, db.Transaction, cancellationToken: ct));
        return [.. ids];
    }

    public async Task<IReadOnlyList<Guid>?> MakeRoomAsync(
        Guid userId, int limit, bool deny, string reason, DateTimeOffset now, CancellationToken ct)
    {
        // The lock makes parallel sign-ins of one user take turns, so each counts the sessions the
        // previous ones committed (READ COMMITTED: every statement after the lock sees them).
        // NO KEY UPDATE does not block the KEY SHARE locks that inserting sessions takes.
        const string LockSql = "SELECT 1 FROM users WHERE id = @userId FOR NO KEY UPDATE";
        const string CountSql = "SELECT count(*) FROM sessions WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now";
        const string RevokeSql = """
            UPDATE sessions s SET revoked_at = @now, revoked_reason = @reason  -- mirrors Session.Revoke
            FROM (SELECT id FROM sessions
                  WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now
                  ORDER BY last_used_at DESC, id DESC
                  OFFSET @keep) old
            WHERE s.id = old.id
            RETURNING s.id
            """;
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(LockSql, new { userId }, db.Transaction, cancellationToken: ct));
        if (deny)
        {
            var active = await db.Connection.ExecuteScalarAsync<long>(
                new CommandDefinition(CountSql, new { userId, now }, db.Transaction, cancellationToken: ct));
            return active >= limit ? null : [];
        }

        var ids = await db.Connection.QueryAsync<Guid>(
            new CommandDefinition(RevokeSql, new { userId, now, reason, keep = limit - 1 }, db.Transaction, cancellationToken: ct));
        return [.. ids];
    }

    public async Task<IReadOnlyList<Guid>> ListRevokedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        const string Sql = "SELECT id FROM sessions WHERE revoked_at > @since";
        var db = await uow.ReadAsync(ct);
        var ids = await db.Connection.QueryAsync<Guid>(new CommandDefinition(Sql, new { since }, db.Transaction, cancellationToken: ct));
        return [.. ids];
    }

    public async Task<bool> IsActiveAsync(Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM sessions WHERE id = @sessionId AND revoked_at IS NULL AND expires_at > @now)  -- Session.IsActive
            """;
        var db = await uow.ReadAsync(ct);
        return await db.Connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(Sql, new { sessionId, now }, db.Transaction, cancellationToken: ct));
    }

    private async Task<T> ScalarAsync<T>(string sql, object args, CancellationToken ct)
    {
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct))
            ?? throw new InvalidOperationException("The query returned no value.");
    }

    private async Task ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
    }

    private sealed class RefreshTokenRow
    {
        public Guid SessionId { get; init; }
        public DateTimeOffset? RotatedAt { get; init; }
    }
}

using AuthService.Adapters.Postgres.Users;
using AuthService.Application.Common;
using AuthService.Application.Admin;
using AuthService.Domain.Users;

namespace AuthService.Adapters.Postgres.Admin;

internal sealed class AdminDirectoryRepository(UnitOfWork uow) : IAdminDirectory
{
    public async Task<PagedList<User>> SearchUsersAsync(UserSearch search, CancellationToken ct)
    {
        // The query matches email, username, phone or name by substring; LIKE wildcards in it are escaped.
        const string Where = """
            WHERE (@status::text IS NULL OR status = @status)
              AND (@pattern::text IS NULL
                   OR lower(email) LIKE @pattern ESCAPE '\' OR lower(username) LIKE @pattern ESCAPE '\'
                   OR phone LIKE @pattern ESCAPE '\' OR lower(name) LIKE @pattern ESCAPE '\')
            """;
        const string CountSql = $"SELECT count(*) FROM users {Where}";
        const string PageSql = $"""
            SELECT {UserRow.Columns} FROM users {Where}
            ORDER BY created_at DESC, id DESC
            LIMIT @limit OFFSET @offset
            """;

        var args = new
        {
            status = search.Status is { } s ? UserRow.StatusText(s) : null,
            pattern = search.Query is { } q ? "%" + EscapeLike(q.ToLowerInvariant()) + "%" : null,
            limit = search.PageSize,
            offset = (search.Page - 1) * search.PageSize,
        };
        var db = await uow.EnlistAsync(ct);
        var total = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: ct));
        var rows = await db.Connection.QueryAsync<UserRow>(new CommandDefinition(PageSql, args, db.Transaction, cancellationToken: ct));
        return new PagedList<User>(rows.Select(r => r.ToUser()).ToList(), search.Page, search.PageSize, total);
    }

    public async Task<AdminStats> GetStatsAsync(DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            SELECT
                (SELECT count(*) FROM users WHERE deleted_at IS NULL) AS "Users",
                (SELECT count(*) FROM users WHERE deleted_at IS NULL AND (email_verified OR phone_verified)) AS "VerifiedUsers",
                (SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > @now) AS "ActiveSessions",
                (SELECT count(*) FROM audit_events
                  WHERE action IN ('login.success', 'login.otp', 'login.oauth') AND at > @since) AS "LoginsLast24Hours"
            """;
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.QuerySingleAsync<AdminStats>(
            new CommandDefinition(Sql, new { now, since = now.AddHours(-24) }, db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> PlanExistsAsync(string code, CancellationToken ct)
    {
        const string Sql = "SELECT EXISTS (SELECT 1 FROM plans WHERE code = @code)";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { code }, db.Transaction, cancellationToken: ct));
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}

using AuthService.Domain.Identities;

namespace AuthService.Adapters.Postgres.Identities;

internal sealed class ExternalIdentityRepository(UnitOfWork uow) : IExternalIdentityRepository
{
    public async Task<ExternalIdentity?> FindAsync(string provider, string subject, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ExternalIdentityRow.Columns} FROM external_identities
            WHERE provider = @provider AND subject = @subject
            """;
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<ExternalIdentityRow>(
            new CommandDefinition(Sql, new { provider, subject }, db.Transaction, cancellationToken: ct));
        return row?.ToIdentity();
    }

    public async Task<IReadOnlyList<ExternalIdentity>> ListForUserAsync(Guid userId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ExternalIdentityRow.Columns} FROM external_identities
            WHERE user_id = @userId
            ORDER BY linked_at, provider
            """;
        var db = await uow.EnlistAsync(ct);
        var rows = await db.Connection.QueryAsync<ExternalIdentityRow>(
            new CommandDefinition(Sql, new { userId }, db.Transaction, cancellationToken: ct));
        return rows.Select(r => r.ToIdentity()).ToList();
    }

    public async Task<IReadOnlyList<ExternalIdentity>> ListForUserLockedAsync(Guid userId, CancellationToken ct)
    {
        // The user's row is the lock: every unlink of this user queues here until the one before
        // it commits, and then reads the identities that one left.
        const string Lock = "SELECT id FROM users WHERE id = @userId FOR UPDATE";
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Lock, new { userId }, db.Transaction, cancellationToken: ct));
        return await ListForUserAsync(userId, ct);
    }

    public async Task<bool> TryAddAsync(ExternalIdentity identity, CancellationToken ct)
    {
        // Both unique constraints (provider+subject, user+provider) decide in one statement;
        // a conflict inserts nothing and leaves the transaction usable.
        const string Sql = """
            INSERT INTO external_identities (id, user_id, provider, subject, email, email_verified, linked_at)
            VALUES (@Id, @UserId, @Provider, @Subject, @Email, @EmailVerified, @LinkedAt)
            ON CONFLICT DO NOTHING
            """;
        var db = await uow.EnlistAsync(ct);
        var affected = await db.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new
            {
                identity.Id,
                identity.UserId,
                identity.Provider,
                identity.Subject,
                identity.Email,
                identity.EmailVerified,
                identity.LinkedAt,
            },
            db.Transaction,
            cancellationToken: ct));
        return affected == 1;
    }

    public async Task UpdateEmailAsync(Guid identityId, string? email, bool emailVerified, CancellationToken ct)
    {
        const string Sql = "UPDATE external_identities SET email = @email, email_verified = @emailVerified WHERE id = @identityId";
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { identityId, email, emailVerified }, db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(Guid userId, string provider, CancellationToken ct)
    {
        // mirrors SignInMethods.WithoutIdentity: the link goes only while a password, another
        // linked provider or a passkey remains. Run under the user-row lock of ListForUserLockedAsync,
        // so two unlinks of the same user cannot both count the other's identity.
        const string Sql = """
            DELETE FROM external_identities e
            WHERE e.user_id = @userId AND e.provider = @provider
              AND (EXISTS (SELECT 1 FROM users u WHERE u.id = e.user_id AND u.password_hash IS NOT NULL)
                   OR EXISTS (SELECT 1 FROM external_identities o WHERE o.user_id = e.user_id AND o.provider <> e.provider)
                   OR EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = e.user_id))
            """;
        var db = await uow.EnlistAsync(ct);
        var affected = await db.Connection.ExecuteAsync(
            new CommandDefinition(Sql, new { userId, provider }, db.Transaction, cancellationToken: ct));
        return affected == 1;
    }
}

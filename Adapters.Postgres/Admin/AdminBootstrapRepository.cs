using AuthService.Application.Admin;

namespace AuthService.Adapters.Postgres.Admin;

internal sealed class AdminBootstrapRepository(UnitOfWork uow) : IAdminBootstrapRepository
{
    public async Task<IReadOnlyList<Guid>> GrantAdminToVerifiedAsync(
        IReadOnlyCollection<string> emails, DateTimeOffset now, CancellationToken ct)
    {
        // Conditional on not being an admin yet: two instances starting at once (or two sign-ins)
        // grant once, and only the one that changed the row audits it.
        const string Sql = """
            UPDATE users SET roles = array_append(roles, 'admin'), updated_at = @now
            WHERE lower(email) = ANY(@emails) AND email_verified AND deleted_at IS NULL AND NOT ('admin' = ANY(roles))
            RETURNING id
            """;
        var db = await uow.EnlistAsync(ct);
        var ids = await db.Connection.QueryAsync<Guid>(
            new CommandDefinition(Sql, new { emails = emails.ToArray(), now }, db.Transaction, cancellationToken: ct));
        return [.. ids];
    }
}

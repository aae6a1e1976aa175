using AuthService.Domain.Users;

namespace AuthService.Adapters.Postgres.Users;

internal sealed class UserRepository(UnitOfWork uow) : IUserRepository
{
    // Lookups by identifier never see deleted users: their identifiers are free again.
    private const string LiveUserWhere = $"SELECT {UserRow.Columns} FROM users WHERE deleted_at IS NULL AND ";

    public async Task<User?> FindByIdAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"""SELECT {UserRow.Columns} FROM users WHERE id = @id""";
        return await FindAsync(Sql, new { id }, ct);
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct)
    {
        // lower(...) on both sides matches the users_email_key expression index.
        const string Sql = LiveUserWhere + "lower(email) = lower(@email)";
        return await FindAsync(Sql, new { email }, ct);
    }

    public async Task<User?> FindByPhoneAsync(string phone, CancellationToken ct)
    {
        const string Sql = LiveUserWhere + "phone = @phone";
        return await FindAsync(Sql, new { phone }, ct);
    }

    public async Task<User?> FindByUsernameAsync(string username, CancellationToken ct)
    {
        const string Sql = LiveUserWhere + "lower(username) = lower(@username)";
        return await FindAsync(Sql, new { username }, ct);
    }

    public async Task<IReadOnlyList<string>> AddAsync(User user, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO users (id, email, email_verified, phone, phone_verified, username, name, avatar_url,
                               password_hash, roles, plan, status, created_at, updated_at, deleted_at)
            VALUES (@Id, @Email, @EmailVerified, @Phone, @PhoneVerified, @Username, @Name, @AvatarUrl,
                    @PasswordHash, @Roles, @Plan, @Status, @CreatedAt, @UpdatedAt, @DeletedAt)
            """;
        var args = new
        {
            user.Id,
            user.Email,
            user.EmailVerified,
            user.Phone,
            user.PhoneVerified,
            user.Username,
            user.Name,
            user.AvatarUrl,
            user.PasswordHash,
            Roles = user.Roles.ToArray(),
            user.Plan,
            Status = UserRow.StatusText(user.Status),
            user.CreatedAt,
            UpdatedAt = user.UpdatedAt == default ? user.CreatedAt : user.UpdatedAt,
            user.DeletedAt,
        };

        var db = await uow.EnlistAsync(ct);
        var taken = await UniqueViolation.TryAsync(
            db, "add_user", () => db.Connection.ExecuteAsync(new CommandDefinition(Sql, args, db.Transaction, cancellationToken: ct)), ct);
        if (taken is null)
        {
            return [];
        }

        // The index names one field; report every identifier that is taken, for one clear answer.
        var all = await TakenIdentifiersAsync(db, user, ct);
        return all.Contains(taken) ? all : [taken, .. all];
    }

    public async Task MarkVerifiedAsync(Guid userId, IdentifierKind kind, DateTimeOffset now, CancellationToken ct)
    {
        // Flags are OR-ed in, not written as the entity holds them: two contacts proven at once
        // must both stay proven.
        const string Sql = """
            -- mirrors User.MarkVerified: a phone verifies the phone, anything else the email
            UPDATE users
            SET email_verified = email_verified OR @email, phone_verified = phone_verified OR @phone, updated_at = @now
            WHERE id = @userId
            """;
        var phone = kind == IdentifierKind.Phone;
        await ExecuteAsync(Sql, new { userId, email = !phone, phone, now }, ct);
    }

    public async Task SetPasswordHashAsync(Guid userId, string passwordHash, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE users SET password_hash = @passwordHash, updated_at = @now
            WHERE id = @userId
            """;
        await ExecuteAsync(Sql, new { userId, passwordHash, now }, ct);
    }

    public async Task StartOverAsync(User user, CancellationToken ct)
    {
        // Writes the state User.StartOver left, then drops what the earlier holder set up: linked
        // identities, second factors (TOTP, recovery codes, passkeys, pending MFA sign-ins) and pending codes.
        const string Sql = """
            WITH reset AS (
                UPDATE users SET email = @Email, email_verified = @EmailVerified, phone = @Phone,
                    phone_verified = @PhoneVerified, username = @Username, name = @Name, avatar_url = @AvatarUrl,
                    password_hash = @PasswordHash, updated_at = @UpdatedAt
                WHERE id = @Id
                RETURNING id
            ), unlinked AS (
                DELETE FROM external_identities e USING reset r WHERE e.user_id = r.id
            ), totp AS (
                DELETE FROM totp_factors t USING reset r WHERE t.user_id = r.id
            ), recovery AS (
                DELETE FROM recovery_codes c USING reset r WHERE c.user_id = r.id
            ), challenges AS (
                DELETE FROM mfa_challenges m USING reset r WHERE m.user_id = r.id
            ), keys AS (
                DELETE FROM passkeys p USING reset r WHERE p.user_id = r.id
            )
            UPDATE otp_codes c SET consumed_at = @UpdatedAt
            FROM reset r
            WHERE c.user_id = r.id AND c.consumed_at IS NULL
            """;
        // Dapper sends only the properties the statement names.
        await ExecuteAsync(Sql, user, ct);
    }

    public async Task<int> ReleaseUnprovenContactsAsync(string? email, string? phone, DateTimeOffset now, CancellationToken ct)
    {
        // Only from claimed accounts (the other contact proven), as User.MayReceiveAccessCode draws
        // the line; a duplicate of a registration nobody proved yet stays IDENTIFIER_TAKEN. The
        // UPDATE's row lock orders two registrations of the same contact, and the unique index then
        // lets exactly one of them have it.
        const string Sql = """
            -- mirrors User.MayReceiveAccessCode: a contact that opens nothing reserves nothing
            WITH released AS (
                UPDATE users SET
                    email = CASE WHEN lower(email) = lower(@email) AND NOT email_verified AND phone_verified THEN NULL ELSE email END,
                    phone = CASE WHEN phone = @phone AND NOT phone_verified AND email_verified THEN NULL ELSE phone END,
                    updated_at = @now
                WHERE deleted_at IS NULL AND (
                    (lower(email) = lower(@email) AND NOT email_verified AND phone_verified)
                    OR (phone = @phone AND NOT phone_verified AND email_verified))
                RETURNING id
            ), voided AS (
                UPDATE otp_codes c SET consumed_at = @now
                FROM released r
                WHERE c.user_id = r.id AND c.destination IN (@email, @phone) AND c.consumed_at IS NULL
            )
            SELECT count(*) FROM released
            """;
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteScalarAsync<int>(
            new CommandDefinition(Sql, new { email, phone, now }, db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> UpdateProfileAsync(User user, CancellationToken ct)
    {
        const string Sql = """
            UPDATE users SET name = @Name, username = @Username, avatar_url = @AvatarUrl, updated_at = @UpdatedAt
            WHERE id = @Id
            """;
        var db = await uow.EnlistAsync(ct);
        var taken = await UniqueViolation.TryAsync(
            db, "update_profile", () => db.Connection.ExecuteAsync(new CommandDefinition(Sql, user, db.Transaction, cancellationToken: ct)), ct);
        return taken is null;
    }

    public async Task SoftDeleteAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        // Frees the identifiers (the unique indexes skip deleted rows) and drops the password.
        // Conditional, as two deletions may race. Linked provider accounts go too, so they can sign
        // up again, and API keys stop working even where a caller forgets to check the owner's status.
        const string Sql = """
            -- mirrors User.SoftDelete: a deleted account stays deleted as it was
            WITH deleted AS (
                UPDATE users SET status = 'deleted', deleted_at = @now, updated_at = @now, password_hash = NULL
                WHERE id = @userId AND deleted_at IS NULL
                RETURNING id
            ), unlinked AS (
                DELETE FROM external_identities e USING deleted d WHERE e.user_id = d.id
            )
            UPDATE api_keys k SET revoked_at = @now
            FROM deleted d
            WHERE k.user_id = d.id AND k.revoked_at IS NULL
            """;
        await ExecuteAsync(Sql, new { userId, now }, ct);
    }

    public async Task SetStatusAsync(Guid userId, UserStatus status, DateTimeOffset now, CancellationToken ct)
    {
        if (status == UserStatus.Deleted)
        {
            await SoftDeleteAsync(userId, now, ct);
            return;
        }

        // A deleted account stays deleted: its identifiers may belong to someone else by now.
        // Disabling revokes the user's API keys in the same statement (as deleting does): enabling
        // the account again does not bring them back.
        const string Sql = """
            -- mirrors User.ChangeStatus: a deleted account stays deleted
            WITH changed AS (
                UPDATE users SET status = @status, updated_at = @now
                WHERE id = @userId AND deleted_at IS NULL
                RETURNING id
            )
            UPDATE api_keys k SET revoked_at = @now
            FROM changed c
            WHERE k.user_id = c.id AND k.revoked_at IS NULL AND @status = 'disabled'
            """;
        await ExecuteAsync(Sql, new { userId, status = UserRow.StatusText(status), now }, ct);
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE users SET roles = @roles, updated_at = @now WHERE id = @userId";
        await ExecuteAsync(Sql, new { userId, roles = roles.ToArray(), now }, ct);
    }

    public async Task SetPlanAsync(Guid userId, string plan, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE users SET plan = @plan, updated_at = @now WHERE id = @userId";
        await ExecuteAsync(Sql, new { userId, plan, now }, ct);
    }

    private static async Task<List<string>> TakenIdentifiersAsync(DbScope db, User user, CancellationToken ct)
    {
        const string Sql = """
            SELECT
                EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(@Email) AND deleted_at IS NULL) AS email,
                EXISTS (SELECT 1 FROM users WHERE phone = @Phone AND deleted_at IS NULL) AS phone,
                EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(@Username) AND deleted_at IS NULL) AS username
            """;
        var row = await db.Connection.QuerySingleAsync<(bool Email, bool Phone, bool Username)>(
            new CommandDefinition(Sql, new { user.Email, user.Phone, user.Username }, db.Transaction, cancellationToken: ct));
        List<string> taken = [];
        if (row.Email)
        {
            taken.Add(UniqueViolation.Email);
        }

        if (row.Phone)
        {
            taken.Add(UniqueViolation.Phone);
        }

        if (row.Username)
        {
            taken.Add(UniqueViolation.Username);
        }

        return taken;
    }

    private async Task<User?> FindAsync(string sql, object args, CancellationToken ct)
    {
        var db = await uow.ReadAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<UserRow>(
            new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
        return row?.ToUser();
    }

    private async Task ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
    }
}

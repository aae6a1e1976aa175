namespace AuthService.Adapters.Postgres.Users;

/// <summary>
/// Runs a write that may hit one of the users' unique identifier indexes. Uniqueness is decided
/// by the index, never by a read beforehand (that would race). The write runs under a SAVEPOINT
/// so that a violation leaves the request's transaction usable.
/// </summary>
internal static class UniqueViolation
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Username = "username";

    /// <summary>Returns null on success, else the field whose index refused the write.</summary>
    public static async Task<string?> TryAsync(DbScope db, string savepoint, Func<Task> write, CancellationToken ct)
    {
        await db.Transaction.SaveAsync(savepoint, ct);
        try
        {
            await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && FieldOf(e.ConstraintName) is { } field)
        {
            await db.Transaction.RollbackAsync(savepoint, ct);
            return field;
        }

        await db.Transaction.ReleaseAsync(savepoint, ct);
        return null;
    }

    // The index names are those of migrations/0001_init.sql.
    private static string? FieldOf(string? constraint) => constraint switch
    {
        "users_email_key" => Email,
        "users_phone_key" => Phone,
        "users_username_key" => Username,
        _ => null,
    };
}

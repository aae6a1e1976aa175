using AuthService.Domain.Users;

namespace AuthService.Application.Abstractions;

public interface IUserRepository
{
    Task<User?> FindByIdAsync(Guid id, CancellationToken ct);

    /// <summary>Lookups take normalised identifiers and never return deleted users.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken ct);

    Task<User?> FindByPhoneAsync(string phone, CancellationToken ct);

    Task<User?> FindByUsernameAsync(string username, CancellationToken ct);

    /// <summary>Inserts the user; returns the identifier fields already taken (empty on success).</summary>
    Task<IReadOnlyList<string>> AddAsync(User user, CancellationToken ct);

    Task MarkVerifiedAsync(Guid userId, IdentifierKind kind, DateTimeOffset now, CancellationToken ct);

    /// <summary>Also clears failed sign-ins and any lockout: a new password starts afresh.</summary>
    Task SetPasswordHashAsync(Guid userId, string passwordHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Counts a failed password sign-in, in one statement (parallel failures all count). The
    /// <paramref name="maxAttempts"/>-th locks password sign-in until <paramref name="lockUntil"/>
    /// and starts the count again; returns true when this failure locked the account.
    /// </summary>
    Task<bool> RecordFailedLoginAsync(Guid userId, int maxAttempts, DateTimeOffset lockUntil, CancellationToken ct);

    /// <summary>After a successful sign-in: no failures counted, no lockout.</summary>
    Task ClearFailedLoginsAsync(Guid userId, CancellationToken ct);

    /// <summary>Updates name, username and avatar; returns false when the username is taken.</summary>
    Task<bool> UpdateProfileAsync(User user, CancellationToken ct);

    Task SoftDeleteAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    Task SetStatusAsync(Guid userId, UserStatus status, DateTimeOffset now, CancellationToken ct);

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken ct);

    Task SetPlanAsync(Guid userId, string plan, DateTimeOffset now, CancellationToken ct);
}

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

    Task SetPasswordHashAsync(Guid userId, string passwordHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>Updates name, username and avatar; returns false when the username is taken.</summary>
    Task<bool> UpdateProfileAsync(User user, CancellationToken ct);

    Task SoftDeleteAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    Task SetStatusAsync(Guid userId, UserStatus status, DateTimeOffset now, CancellationToken ct);

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken ct);

    Task SetPlanAsync(Guid userId, string plan, DateTimeOffset now, CancellationToken ct);
}

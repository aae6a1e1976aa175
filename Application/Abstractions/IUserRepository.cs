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

    /// <summary>
    /// Persists <see cref="User.StartOver"/>: the identifiers, flags, password and profile as the
    /// entity now has them; and drops what its earlier holder set up around it: linked provider
    /// accounts, second factors and pending codes. (Sessions and API keys are revoked by their own
    /// repositories.)
    /// </summary>
    Task StartOverAsync(User user, CancellationToken ct);

    /// <summary>
    /// Takes <paramref name="email"/> and <paramref name="phone"/> from a claimed account that holds
    /// them unproven (such a contact opens nothing and reserves nothing, User.MayReceiveAccessCode)
    /// and voids the codes sent to them there. Returns how many accounts lost one.
    /// </summary>
    Task<int> ReleaseUnprovenContactsAsync(string? email, string? phone, DateTimeOffset now, CancellationToken ct);

    /// <summary>Updates name, username and avatar; returns false when the username is taken.</summary>
    Task<bool> UpdateProfileAsync(User user, CancellationToken ct);

    Task SoftDeleteAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    Task SetStatusAsync(Guid userId, UserStatus status, DateTimeOffset now, CancellationToken ct);

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken ct);

    Task SetPlanAsync(Guid userId, string plan, DateTimeOffset now, CancellationToken ct);
}

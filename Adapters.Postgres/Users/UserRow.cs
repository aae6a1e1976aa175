using AuthService.Domain.Users;

namespace AuthService.Adapters.Postgres.Users;

/// <summary>A <c>users</c> row as Dapper reads it; status is lower-case text, roles a text[].</summary>
internal sealed class UserRow
{
    public const string Columns = """
        id, email, email_verified, phone, phone_verified, username, name, avatar_url, password_hash,
        roles, plan, status, created_at, updated_at, deleted_at
        """;

    public Guid Id { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? Phone { get; init; }
    public bool PhoneVerified { get; init; }
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? AvatarUrl { get; init; }
    public string? PasswordHash { get; init; }
    public string[] Roles { get; init; } = [];
    public string Plan { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }

    public static string StatusText(UserStatus status) => status switch
    {
        UserStatus.Active => "active",
        UserStatus.Disabled => "disabled",
        UserStatus.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public User ToUser() => User.Restore(
        Id,
        Email,
        EmailVerified,
        Phone,
        PhoneVerified,
        Username,
        Name,
        AvatarUrl,
        PasswordHash,
        Roles,
        Plan,
        Status switch
        {
            "active" => UserStatus.Active,
            "disabled" => UserStatus.Disabled,
            "deleted" => UserStatus.Deleted,
            _ => throw new InvalidOperationException($"Unknown user status '{Status}' in the database."),
        },
        CreatedAt,
        UpdatedAt,
        DeletedAt);
}

namespace AuthService.Domain.Users;

/// <summary>How an account comes to be, changes hands of password, profile, roles, plan and status, and ends.</summary>
public sealed partial class User
{
    /// <summary>A user as stored: what the methods below produced earlier.</summary>
    public static User Restore(
        Guid id,
        string? email,
        bool emailVerified,
        string? phone,
        bool phoneVerified,
        string? username,
        string? name,
        string? avatarUrl,
        string? passwordHash,
        IReadOnlyList<string> roles,
        string plan,
        UserStatus status,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        DateTimeOffset? deletedAt) => new()
        {
            Id = id,
            Email = email,
            EmailVerified = emailVerified,
            Phone = phone,
            PhoneVerified = phoneVerified,
            Username = username,
            Name = name,
            AvatarUrl = avatarUrl,
            PasswordHash = passwordHash,
            Roles = roles,
            Plan = plan,
            Status = status,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            DeletedAt = deletedAt,
        };

    /// <summary>
    /// A new account from a provider sign-in, without a password. Only an address the provider
    /// verified becomes its email: an unverified one would let anyone squat an address (its owner
    /// could not register it any more).
    /// </summary>
    public static User FromProvider(Guid id, string? email, bool emailVerified, string? name, string? avatarUrl, DateTimeOffset now) => new()
    {
        Id = id,
        Email = emailVerified ? email : null,
        EmailVerified = emailVerified && email is not null,
        Name = name,
        AvatarUrl = avatarUrl,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A new administrator created from the command line: the email counts as proven.</summary>
    public static User NewAdmin(Guid id, string email, string passwordHash, DateTimeOffset now) => new()
    {
        Id = id,
        Email = Identifiers.NormalizeEmail(email),
        EmailVerified = true,
        PasswordHash = passwordHash,
        Roles = [Role.User, Role.Admin],
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Adds the admin role (keeping the others).</summary>
    public void GrantAdmin(DateTimeOffset now) => AssignRoles([.. Roles.Union([Role.Admin])], now);

    public void AssignRoles(IReadOnlyList<string> roles, DateTimeOffset now)
    {
        Roles = roles;
        UpdatedAt = now;
    }

    public void ChangePlan(string plan, DateTimeOffset now)
    {
        Plan = plan;
        UpdatedAt = now;
    }

    /// <summary>
    /// Enables, disables or deletes (<see cref="SoftDelete"/>). A deleted account stays deleted:
    /// its identifiers may belong to someone else by now (false: nothing changed).
    /// </summary>
    public bool ChangeStatus(UserStatus status, DateTimeOffset now)
    {
        if (status == UserStatus.Deleted || DeletedAt is not null)
        {
            return SoftDelete(now);
        }

        Status = status;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A new password (a change, a reset, a rehash with new parameters).</summary>
    public void SetPassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }

    /// <summary>A PATCH of the profile: null leaves a field alone; an empty name or avatar clears it.</summary>
    public void UpdateProfile(string? name, string? username, string? avatarUrl, DateTimeOffset now)
    {
        if (name is not null)
        {
            Name = name.Length == 0 ? null : name.Trim();
        }

        if (username is not null)
        {
            Username = Identifiers.NormalizeUsername(username);
        }

        if (avatarUrl is not null)
        {
            AvatarUrl = avatarUrl.Length == 0 ? null : avatarUrl;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Soft delete: the row stays for audit, the password goes and the identifiers are free again.
    /// A deleted account stays deleted as it was (false: nothing changed).
    /// </summary>
    public bool SoftDelete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return false;
        }

        Status = UserStatus.Deleted;
        DeletedAt = now;
        UpdatedAt = now;
        PasswordHash = null;
        return true;
    }
}

namespace AuthService.Domain.Users;

public sealed class User
{
    public required Guid Id { get; init; }
    public string? Email { get; set; }
    public bool EmailVerified { get; set; }
    public string? Phone { get; set; }
    public bool PhoneVerified { get; set; }
    public string? Username { get; set; }
    public string? Name { get; set; }
    public string? AvatarUrl { get; set; }
    public string? PasswordHash { get; set; }
    public IReadOnlyList<string> Roles { get; set; } = [Role.User];
    public string Plan { get; set; } = Plans.PlanCodes.Free;
    public UserStatus Status { get; set; } = UserStatus.Active;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public bool HasPassword => PasswordHash is not null;

    public bool IsActive => Status == UserStatus.Active;

    /// <summary>
    /// A password sign-in needs the identifier it was registered with to be verified:
    /// an email account needs a verified email, a phone-only account a verified phone.
    /// </summary>
    public bool IsVerifiedFor(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Email => EmailVerified,
        IdentifierKind.Phone => PhoneVerified,
        _ => EmailVerified || PhoneVerified,
    };

    public bool IsAdmin => Roles.Contains(Role.Admin);

    public void MarkVerified(IdentifierKind kind, DateTimeOffset now)
    {
        if (kind == IdentifierKind.Phone)
        {
            PhoneVerified = true;
        }
        else
        {
            EmailVerified = true;
        }

        UpdatedAt = now;
    }

    /// <summary>Someone proved a contact of the account (its email or its phone).</summary>
    public bool IsClaimed => EmailVerified || PhoneVerified;

    public bool IsProven(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Email => EmailVerified,
        IdentifierKind.Phone => PhoneVerified,
        _ => false,
    };

    /// <summary>
    /// Whether a code that opens the account (sign-in, password reset) may go to this contact: a
    /// proven one, or any contact of an account of which nothing is proven yet (its first proof
    /// starts it over, <see cref="ProveContact"/>). An unproven contact of a claimed account opens
    /// nothing: whoever typed it in never showed it to be theirs.
    /// </summary>
    public bool MayReceiveAccessCode(IdentifierKind kind) =>
        kind is IdentifierKind.Email or IdentifierKind.Phone && (IsProven(kind) || !IsClaimed);

    /// <summary>
    /// The holder of <paramref name="kind"/> proved it with a code that opens the account. On an
    /// account of which nothing was proven, the password, the other contact, the username and the
    /// profile were all set by someone who had not proven this contact: they are dropped and the
    /// account starts over with this contact alone (the use case also ends its sessions, API keys,
    /// linked identities and pending codes). Pre-hijacking defence, see the README.
    /// </summary>
    public ContactProof ProveContact(IdentifierKind kind, DateTimeOffset now)
    {
        if (IsProven(kind))
        {
            return ContactProof.AlreadyProven;
        }

        if (IsClaimed || kind is not (IdentifierKind.Email or IdentifierKind.Phone))
        {
            return ContactProof.Refused;
        }

        StartOver(kind, now);
        return ContactProof.StartedOver;
    }

    /// <summary>
    /// Keeps only the contact <paramref name="kept"/>, now proven: everything anyone else set
    /// (password, other contact, username, profile) goes.
    /// </summary>
    public void StartOver(IdentifierKind kept, DateTimeOffset now)
    {
        if (kept == IdentifierKind.Phone)
        {
            Email = null;
            EmailVerified = false;
            PhoneVerified = true;
        }
        else
        {
            Phone = null;
            PhoneVerified = false;
            EmailVerified = true;
        }

        Username = null;
        Name = null;
        AvatarUrl = null;
        PasswordHash = null;
        UpdatedAt = now;
    }

    /// <summary>A new account signing up with a password: nothing of it is proven yet.</summary>
    public static User Register(
        Guid id, string? email, string? phone, string? username, string? name, string passwordHash, DateTimeOffset now) => new()
        {
            Id = id,
            Email = email is null ? null : Identifiers.NormalizeEmail(email),
            Phone = phone,
            Username = username is null ? null : Identifiers.NormalizeUsername(username),
            Name = name?.Trim(),
            PasswordHash = passwordHash,
            CreatedAt = now,
            UpdatedAt = now,
        };

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

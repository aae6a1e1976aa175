namespace AuthService.Domain.Users;

/// <summary>
/// An account. Its state changes through its methods, each applying its rule (who may receive a
/// code, what proving a contact does, what deleting keeps); the setters are open only to tests,
/// to arrange a state. A repository persists what a method changed.
/// </summary>
public sealed partial class User
{
    public required Guid Id { get; init; }
    public string? Email { get; internal set; }
    public bool EmailVerified { get; internal set; }
    public string? Phone { get; internal set; }
    public bool PhoneVerified { get; internal set; }
    public string? Username { get; internal set; }
    public string? Name { get; internal set; }
    public string? AvatarUrl { get; internal set; }
    public string? PasswordHash { get; internal set; }
    public IReadOnlyList<string> Roles { get; internal set; } = [Role.User];
    public string Plan { get; internal set; } = Plans.PlanCodes.Free;
    public UserStatus Status { get; internal set; } = UserStatus.Active;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; internal set; }
    public DateTimeOffset? DeletedAt { get; internal set; }

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
}

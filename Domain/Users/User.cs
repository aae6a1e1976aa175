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

    public void SoftDelete(DateTimeOffset now)
    {
        Status = UserStatus.Deleted;
        DeletedAt = now;
        UpdatedAt = now;
        PasswordHash = null;
    }
}

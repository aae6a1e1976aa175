namespace AuthService.Domain.Users;

public enum UserStatus
{
    Active,
    Disabled,
    Deleted,
}

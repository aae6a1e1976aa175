using AuthService.Application.Users;

namespace AuthService.Adapters.Http.Contracts;

public sealed record UserResponse(
    Guid Id,
    string? Email,
    bool EmailVerified,
    string? Phone,
    bool PhoneVerified,
    string? Username,
    string? Name,
    string? AvatarUrl,
    IReadOnlyList<string> Roles,
    string Plan,
    DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserView user) => new(
        user.Id, user.Email, user.EmailVerified, user.Phone, user.PhoneVerified, user.Username,
        user.Name, user.AvatarUrl, user.Roles, user.Plan, user.CreatedAt);
}

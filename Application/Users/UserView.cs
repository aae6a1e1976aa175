using AuthService.Domain.Users;

namespace AuthService.Application.Users;

/// <summary>What a client may see of a user (GET /me, token responses): the entity stays in Application.</summary>
public sealed record UserView(
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
    public static UserView Of(User user) => new(
        user.Id, user.Email, user.EmailVerified, user.Phone, user.PhoneVerified, user.Username,
        user.Name, user.AvatarUrl, user.Roles, user.Plan, user.CreatedAt);
}

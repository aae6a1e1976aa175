using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

/// <summary>A user as operators see it; <c>Status</c>: active, disabled or deleted.</summary>
public sealed record AdminUserView(
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
    string Status,
    bool HasPassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt)
{
    internal static AdminUserView From(User u) => new(
        u.Id, u.Email, u.EmailVerified, u.Phone, u.PhoneVerified, u.Username, u.Name, u.AvatarUrl, u.Roles, u.Plan,
        u.Status.ToString().ToLowerInvariant(), u.HasPassword, u.CreatedAt, u.UpdatedAt, u.DeletedAt);
}

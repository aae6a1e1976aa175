using AuthService.Application.Users;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

/// <summary>
/// A user as operators see it: what the user sees of themself (<see cref="UserView"/>) and the
/// account's state; <c>Status</c>: active, disabled or deleted.
/// </summary>
public sealed record AdminUserView(UserView Profile, string Status, bool HasPassword, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    internal static AdminUserView From(User u) =>
        new(UserView.Of(u), u.Status.ToString().ToLowerInvariant(), u.HasPassword, u.UpdatedAt, u.DeletedAt);
}

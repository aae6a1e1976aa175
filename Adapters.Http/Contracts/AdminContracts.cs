using System.ComponentModel.DataAnnotations;
using AuthService.Application.Admin;

namespace AuthService.Adapters.Http.Contracts;

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public sealed record AdminUserResponse(
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
    public static AdminUserResponse From(AdminUserView v)
    {
        var u = v.Profile;
        return new(
            u.Id, u.Email, u.EmailVerified, u.Phone, u.PhoneVerified, u.Username, u.Name, u.AvatarUrl, u.Roles, u.Plan,
            v.Status, v.HasPassword, u.CreatedAt, v.UpdatedAt, v.DeletedAt);
    }
}

public sealed record AdminSessionResponse(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt,
    string? Ip, string? UserAgent, string? DeviceName, string AuthMethod)
{
    public static AdminSessionResponse From(AdminSessionView s) =>
        new(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.UserAgent, s.DeviceName, s.AuthMethod);
}

public sealed record AdminIdentityResponse(string Provider, string Subject, string? Email, DateTimeOffset LinkedAt)
{
    public static AdminIdentityResponse From(AdminIdentityView i) => new(i.Provider, i.Subject, i.Email, i.LinkedAt);
}

public sealed record AdminUserDetailsResponse(
    AdminUserResponse User, IReadOnlyList<AdminSessionResponse> Sessions, IReadOnlyList<AdminIdentityResponse> Identities)
{
    public static AdminUserDetailsResponse From(UserDetails d) => new(
        AdminUserResponse.From(d.User), [.. d.Sessions.Select(AdminSessionResponse.From)], [.. d.Identities.Select(AdminIdentityResponse.From)]);
}

public sealed record AuditEventResponse(
    Guid Id, DateTimeOffset At, Guid? ActorId, Guid? UserId, string Action, string? Ip, string? UserAgent,
    string? RequestId, IReadOnlyDictionary<string, object?>? Data)
{
    public static AuditEventResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.ActorId, e.UserId, e.Action, e.Ip, e.UserAgent, e.RequestId, e.Data);
}

public sealed record StatsResponse(long Users, long VerifiedUsers, long ActiveSessions, long LoginsLast24h)
{
    public static StatsResponse From(AdminStats s) => new(s.Users, s.VerifiedUsers, s.ActiveSessions, s.LoginsLast24Hours);
}

public sealed record StatusRequest([Required] string? Status);

public sealed record RolesRequest([Required] IReadOnlyList<string>? Roles);

public sealed record PlanRequest([Required] string? Plan);

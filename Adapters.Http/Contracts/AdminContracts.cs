using System.ComponentModel.DataAnnotations;
using AuthService.Application.Admin;
using AuthService.Domain.Audit;
using AuthService.Domain.Identities;

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
    public static AdminUserResponse From(Domain.Users.User u) => new(
        u.Id, u.Email, u.EmailVerified, u.Phone, u.PhoneVerified, u.Username, u.Name, u.AvatarUrl, u.Roles, u.Plan,
        u.Status.ToString().ToLowerInvariant(), u.HasPassword, u.CreatedAt, u.UpdatedAt, u.DeletedAt);
}

public sealed record AdminSessionResponse(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt,
    string? Ip, string? UserAgent, string? DeviceName, string AuthMethod);

public sealed record AdminIdentityResponse(string Provider, string Subject, string? Email, DateTimeOffset LinkedAt)
{
    public static AdminIdentityResponse From(ExternalIdentity i) => new(i.Provider, i.Subject, i.Email, i.LinkedAt);
}

public sealed record AdminUserDetailsResponse(
    AdminUserResponse User, IReadOnlyList<AdminSessionResponse> Sessions, IReadOnlyList<AdminIdentityResponse> Identities)
{
    public static AdminUserDetailsResponse From(UserDetails d) => new(
        AdminUserResponse.From(d.User),
        d.Sessions.Select(s => new AdminSessionResponse(
            s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.UserAgent, s.DeviceName, s.AuthMethod)).ToList(),
        d.Identities.Select(AdminIdentityResponse.From).ToList());
}

public sealed record AuditEventResponse(
    Guid Id, DateTimeOffset At, Guid? ActorId, Guid? UserId, string Action, string? Ip, string? UserAgent,
    string? RequestId, IReadOnlyDictionary<string, object?>? Data)
{
    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Id, e.At, e.ActorId, e.UserId, e.Action, e.Ip, e.UserAgent, e.RequestId, e.Data);
}

public sealed record StatsResponse(long Users, long VerifiedUsers, long ActiveSessions, long LoginsLast24h);

public sealed record StatusRequest([Required] string? Status);

public sealed record RolesRequest([Required] IReadOnlyList<string>? Roles);

public sealed record PlanRequest([Required] string? Plan);

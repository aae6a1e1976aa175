using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

public sealed record UserSearch(string? Query, UserStatus? Status, int Page, int PageSize);

public sealed record AdminStats(long Users, long VerifiedUsers, long ActiveSessions, long LoginsLast24Hours);

/// <summary>Read models for operators: searching users and counting things.</summary>
public interface IAdminDirectory
{
    Task<PagedList<User>> SearchUsersAsync(UserSearch search, CancellationToken ct);

    Task<AdminStats> GetStatsAsync(DateTimeOffset now, CancellationToken ct);

    Task<bool> PlanExistsAsync(string code, CancellationToken ct);
}

using AuthService.Application.Abstractions;
using AuthService.Application.OAuth;
using AuthService.Domain.Common;
using AuthService.Domain.Identities;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

public sealed record UserDetails(User User, IReadOnlyList<Session> Sessions, IReadOnlyList<ExternalIdentity> Identities);

public interface ISearchUsers
{
    Task<Result<PagedList<User>>> ExecuteAsync(string? query, string? status, int? page, int? pageSize, CancellationToken ct);
}

public interface IGetUserDetails
{
    Task<Result<UserDetails>> ExecuteAsync(Guid userId, CancellationToken ct);
}

public interface ISearchAuditLog
{
    Task<Result<PagedList<Domain.Audit.AuditEvent>>> ExecuteAsync(Guid? userId, string? action, int? page, int? pageSize, CancellationToken ct);
}

public interface IGetStats
{
    Task<AdminStats> ExecuteAsync(CancellationToken ct);
}

internal static class Paging
{
    public const int MaxPageSize = 100;

    public static Error? Check(int? page, int? pageSize, out int p, out int size)
    {
        p = page ?? 1;
        size = pageSize ?? 20;
        if (p < 1 || p > 100_000)
        {
            return Error.Validation("page", "must be between 1 and 100000");
        }

        return size is < 1 or > MaxPageSize ? Error.Validation("page_size", $"must be between 1 and {MaxPageSize}") : null;
    }
}

internal sealed class SearchUsers(IAdminDirectory directory) : ISearchUsers
{
    public async Task<Result<PagedList<User>>> ExecuteAsync(string? query, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize, out var p, out var size) is { } invalid)
        {
            return invalid;
        }

        if (query is { Length: > 254 })
        {
            return Error.Validation("query", "must be at most 254 characters");
        }

        UserStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<UserStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
            {
                return Error.Validation("status", "must be active, disabled or deleted");
            }

            parsed = s;
        }

        return await directory.SearchUsersAsync(new UserSearch(string.IsNullOrWhiteSpace(query) ? null : query.Trim(), parsed, p, size), ct);
    }
}

internal sealed class GetUserDetails(
    IUserRepository users, ISessionRepository sessions, IExternalIdentityRepository identities, TimeProvider clock) : IGetUserDetails
{
    public async Task<Result<UserDetails>> ExecuteAsync(Guid userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId, ct) is not { } user)
        {
            return Error.NotFound("User");
        }

        var active = await sessions.ListActiveForUserAsync(userId, clock.GetUtcNow(), ct);
        var linked = await identities.ListForUserAsync(userId, ct);
        return new UserDetails(user, active.OrderByDescending(s => s.CreatedAt).ToList(), linked);
    }
}

internal sealed class SearchAuditLog(IAuditQueries audit) : ISearchAuditLog
{
    public async Task<Result<PagedList<Domain.Audit.AuditEvent>>> ExecuteAsync(
        Guid? userId, string? action, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize, out var p, out var size) is { } invalid)
        {
            return invalid;
        }

        if (action is { Length: > 64 })
        {
            return Error.Validation("action", "must be at most 64 characters");
        }

        return await audit.SearchAsync(new AuditQuery(userId, string.IsNullOrWhiteSpace(action) ? null : action, p, size), ct);
    }
}

internal sealed class GetStats(IAdminDirectory directory, TimeProvider clock) : IGetStats
{
    public Task<AdminStats> ExecuteAsync(CancellationToken ct) => directory.GetStatsAsync(clock.GetUtcNow(), ct);
}

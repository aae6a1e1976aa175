namespace AuthService.Application.Sessions;

public interface IListSessions
{
    Task<IReadOnlyList<SessionView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

/// <summary>The caller's active sessions, newest first, the one of the access token sent marked current.</summary>
internal sealed class ListSessions(ISessionRepository sessions, TimeProvider clock) : IListSessions
{
    public async Task<IReadOnlyList<SessionView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var active = await sessions.ListActiveForUserAsync(principal.UserId, clock.GetUtcNow(), ct);
        return active
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .Select(s => SessionView.From(s, s.Id == principal.SessionId))
            .ToList();
    }
}

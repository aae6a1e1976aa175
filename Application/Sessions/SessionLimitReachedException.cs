namespace AuthService.Application.Sessions;

/// <summary>
/// A sign-in refused because the user holds AUTH__MAX_SESSIONS_PER_USER sessions and the mode is
/// deny (409 SESSION_LIMIT_REACHED). An exception rather than a result because it arises deep in
/// session creation, which every sign-in path shares; it also rolls back whatever the sign-in
/// consumed (a one-time code stays usable once a session is freed).
/// </summary>
public sealed class SessionLimitReachedException : Exception
{
    public SessionLimitReachedException()
        : this(0)
    {
    }

    public SessionLimitReachedException(int limit)
        : base($"You already have {limit} active sessions; sign out of one before signing in again.") => Limit = limit;

    public SessionLimitReachedException(string message)
        : base(message)
    {
    }

    public SessionLimitReachedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Limit { get; }
}

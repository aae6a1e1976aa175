namespace AuthService.Domain.Users;

/// <summary>
/// When password guessing at one identifier stops: the failure that makes
/// <see cref="MaxFailures"/> within <see cref="Window"/> starts a lock of <see cref="Duration"/>.
/// The store (Redis) only counts failures and holds locks; this rule decides.
/// </summary>
public sealed record PasswordLockoutRule(int MaxFailures, TimeSpan Window, TimeSpan Duration)
{
    /// <summary>A limit of 0 turns lockout off.</summary>
    public bool Enabled => MaxFailures > 0;

    /// <summary>Whether the failure that brings the count within the window to <paramref name="failures"/> starts a lock.</summary>
    public bool StartsLock(long failures) => Enabled && failures >= MaxFailures;
}

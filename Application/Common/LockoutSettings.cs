namespace AuthService.Application.Common;

/// <summary>
/// Password sign-in lockout: after <see cref="MaxFailedAttempts"/> consecutive wrong passwords the
/// account refuses password sign-in for <see cref="Duration"/>. Other ways in (one-time code,
/// OAuth, password reset, which also lifts it) stay open, so a stranger cannot lock anyone out
/// of their account, only out of guessing.
/// </summary>
public sealed class LockoutSettings
{
    /// <summary>0 turns lockout off.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    public bool Enabled => MaxFailedAttempts > 0;
}

using AuthService.Domain.Users;

namespace AuthService.Application.Common;

/// <summary>
/// Password sign-in lockout per identifier: after <see cref="MaxFailedAttempts"/> failed password
/// attempts within <see cref="Window"/> the identifier refuses password sign-in for
/// <see cref="Duration"/>, whether or not an account has it. Other ways in (one-time code, passkey,
/// OAuth, password reset, which also lifts it) stay open, so a stranger cannot lock anyone out of
/// their account, only out of guessing.
/// </summary>
public sealed class LockoutSettings
{
    /// <summary>0 turns lockout off.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures further apart than this do not add up.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public bool Enabled => Rule.Enabled;

    /// <summary>The rule these settings configure.</summary>
    public PasswordLockoutRule Rule => new(MaxFailedAttempts, Window, Duration);
}

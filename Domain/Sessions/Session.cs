using AuthService.Domain.Common;

namespace AuthService.Domain.Sessions;

/// <summary>
/// A signed-in device, and the rules of its life: it is refreshed by rotating its refresh token
/// (<see cref="Refresh"/>), a token rotated away and presented again is a stolen copy, and it ends
/// once (<see cref="Revoke"/>) or expires. Where a race forces a rule into one conditional
/// statement (SessionRepository), that statement names the method it mirrors, and
/// SessionRulesMirrorTests runs the same cases through both.
/// </summary>
public sealed class Session
{
    private DateTimeOffset? _revokedAt;
    private string? _revokedReason;

    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required string AuthMethod { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUsedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get => _revokedAt; init => _revokedAt = value; }

    public string? RevokedReason { get => _revokedReason; init => _revokedReason = value; }

    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    public string? DeviceName { get; init; }

    /// <summary>How the session was proven (RFC 8176 values, see <see cref="Sessions.Amr"/>).</summary>
    public IReadOnlyList<string> Amr { get; init; } = [];

    public bool PassedMfa => Sessions.Amr.PassedMfa(Amr);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public static string OAuthMethod(string provider) => "oauth:" + provider;

    /// <summary>
    /// Ends the session for <paramref name="reason"/> (a <see cref="RevocationReason"/>). Only an
    /// active session ends: a revoked one keeps the time and reason it ended with, an expired one
    /// has already ended. False when nothing changed.
    /// </summary>
    public bool Revoke(string reason, DateTimeOffset now)
    {
        if (!IsActive(now))
        {
            return false;
        }

        _revokedAt = now;
        _revokedReason = reason;
        return true;
    }

    /// <summary>
    /// What a refresh with one of this session's refresh tokens may do. A revoked session cannot be
    /// refreshed, nor an expired one. Its current token (<paramref name="rotatedAt"/> null) is
    /// rotated. A token rotated within <paramref name="reuseGrace"/> is a concurrent replay (two tabs
    /// refreshing at once) if its successor is still current; one rotated earlier is a copy held
    /// by someone else, and the session must be revoked.
    /// </summary>
    public Result<RefreshStep> Refresh(DateTimeOffset? rotatedAt, DateTimeOffset now, TimeSpan reuseGrace)
    {
        if (RevokedAt is not null)
        {
            return Revoked;
        }

        if (ExpiresAt <= now)
        {
            return TokenExpired;
        }

        if (rotatedAt is not { } rotated)
        {
            return RefreshStep.Rotate;
        }

        return now - rotated <= reuseGrace ? RefreshStep.ReplayWithinGrace : RefreshStep.Reuse;
    }

    public static Error Revoked => new(ErrorCode.SessionRevoked, "This session has been revoked.");

    public static Error TokenExpired => new(ErrorCode.TokenExpired, "The refresh token has expired. Sign in again.");
}

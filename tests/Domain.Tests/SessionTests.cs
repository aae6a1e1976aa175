using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

namespace AuthService.Domain.Tests;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private static Session Active() => new()
    {
        Id = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        AuthMethod = AuthMethods.Password,
        CreatedAt = Now.AddHours(-1),
        ExpiresAt = Now.AddDays(1),
    };

    [Fact]
    public void Revoke_EndsAnActiveSessionOnce_KeepingTheFirstReason()
    {
        var session = Active();

        Assert.True(session.Revoke(RevocationReason.Logout, Now));
        Assert.False(session.Revoke(RevocationReason.TokenReuse, Now.AddMinutes(1)));

        Assert.Equal((Now, RevocationReason.Logout), (session.RevokedAt, session.RevokedReason));
    }

    [Fact]
    public void Revoke_AnExpiredSession_ChangesNothing()
    {
        var session = Active();

        Assert.False(session.Revoke(RevocationReason.Logout, Now.AddDays(2)));
        Assert.Null(session.RevokedAt);
    }

    [Fact]
    public void Refresh_ARevokedSession_IsSessionRevoked_EvenWithItsCurrentToken()
    {
        var session = Active();
        session.Revoke(RevocationReason.Logout, Now);

        Assert.Equal(ErrorCode.SessionRevoked, session.Refresh(null, Now, Grace).Error!.Code);
    }

    [Fact]
    public void Refresh_AnExpiredSession_IsTokenExpired() =>
        Assert.Equal(ErrorCode.TokenExpired, Active().Refresh(null, Now.AddDays(1), Grace).Error!.Code);

    [Fact]
    public void Refresh_TheCurrentToken_Rotates_ARecentlyRotatedOne_IsAReplay_AnOlderOne_IsReuse()
    {
        var session = Active();

        Assert.Equal(RefreshStep.Rotate, session.Refresh(null, Now, Grace).Value);
        Assert.Equal(RefreshStep.ReplayWithinGrace, session.Refresh(Now.AddSeconds(-10), Now, Grace).Value);
        Assert.Equal(RefreshStep.Reuse, session.Refresh(Now.AddSeconds(-11), Now, Grace).Value);
    }
}

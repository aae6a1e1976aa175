using AuthService.Domain.Sessions;

namespace AuthService.Domain.Tests;

public sealed class SessionAndOtpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Session_IsActive_OnlyUnrevokedAndUnexpired()
    {
        var session = new Session { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), AuthMethod = AuthMethods.Password, CreatedAt = Now, ExpiresAt = Now.AddDays(1) };
        Assert.True(session.IsActive(Now));
        Assert.False(session.IsActive(Now.AddDays(2)));
        session.Revoke(RevocationReason.Logout, Now);
        Assert.False(session.IsActive(Now));
    }

    [Fact]
    public void OAuthMethod_NamesTheProvider() => Assert.Equal("oauth:github", Session.OAuthMethod("github"));

    [Fact]
    public void Result_CarriesValueOrError()
    {
        Common.Result<int> ok = 3;
        Common.Result<int> failed = Common.Error.NotFound("Thing");
        Assert.True(ok.IsSuccess);
        Assert.Equal(3, ok.Value);
        Assert.False(failed.IsSuccess);
        Assert.Equal(Common.ErrorCode.NotFound, failed.Error!.Code);
        Assert.Throws<InvalidOperationException>(() => failed.Value);
    }
}

using AuthService.Domain.Otp;

namespace AuthService.Domain.Tests;

public sealed class OtpCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static OtpCode NewCode() => new()
    {
        Id = Guid.NewGuid(),
        Purpose = OtpPurpose.Login,
        Destination = "a@example.test",
        CodeHash = "h",
        CreatedAt = Now,
        ExpiresAt = Now + OtpCode.Lifetime,
    };

    [Fact]
    public void Otp_ExpiresAfterTenMinutes_AndIsExhaustedAtFiveAttempts()
    {
        var otp = NewCode();
        Assert.False(otp.IsExpired(Now.AddMinutes(9)));
        Assert.True(otp.IsExpired(Now.AddMinutes(10)));
        otp.Attempts = 4;
        Assert.False(otp.IsExhausted);
        otp.Attempts = 5;
        Assert.True(otp.IsExhausted);
    }

    [Fact]
    public void Attempt_EveryWrongTryBurnsOne_ThenEvenTheRightCodeIsRefused()
    {
        var code = NewCode();
        for (var i = 1; i <= OtpCode.MaxAttempts; i++)
        {
            Assert.Equal(OtpAttempt.Wrong, code.Attempt(_ => false, Now));
            Assert.Equal(i, code.Attempts);
        }

        Assert.Equal(OtpAttempt.Exhausted, code.Attempt(_ => true, Now));
        Assert.Equal(OtpCode.MaxAttempts, code.Attempts);
        Assert.Null(code.ConsumedAt);
    }

    [Fact]
    public void Attempt_RightCode_ConsumesItOnce()
    {
        var code = NewCode();
        Assert.Equal(OtpAttempt.Accepted, code.Attempt(hash => hash == "h", Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(1), code.ConsumedAt);
        Assert.Equal(OtpAttempt.Used, code.Attempt(_ => true, Now.AddMinutes(2)));
        Assert.Equal(1, code.Attempts);
    }

    [Fact]
    public void Attempt_ExpiredCode_BurnsNothing()
    {
        var code = NewCode();
        Assert.Equal(OtpAttempt.Expired, code.Attempt(_ => true, code.ExpiresAt));
        Assert.Equal(0, code.Attempts);
        Assert.Null(code.ConsumedAt);
    }
}

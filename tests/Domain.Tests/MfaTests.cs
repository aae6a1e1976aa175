using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;

namespace AuthService.Domain.Tests;

public sealed class MfaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Totp_AcceptsEachStepOnce_AndNeverAnOlderOne()
    {
        var factor = new TotpFactor { UserId = Guid.NewGuid(), SecretCiphertext = "v1.x.y", CreatedAt = Now, LastUsedStep = 100 };

        Assert.False(factor.TryAcceptStep(100));
        Assert.False(factor.TryAcceptStep(99));
        Assert.True(factor.TryAcceptStep(101));
        Assert.False(factor.TryAcceptStep(101));
        Assert.Equal(101, factor.LastUsedStep);
    }

    [Fact]
    public void Totp_IsConfirmedOnce_ByAStepAfterTheLast()
    {
        var factor = TotpFactor.Enrol(Guid.NewGuid(), "v1.x.y", Now);

        Assert.False(factor.IsConfirmed);
        Assert.False(factor.TryConfirm(0, Now));
        Assert.True(factor.TryConfirm(42, Now));
        Assert.Equal((Now, 42L), (factor.ConfirmedAt!.Value, factor.LastUsedStep));
        Assert.False(factor.TryConfirm(43, Now.AddMinutes(1)));
        Assert.Equal(Now, factor.ConfirmedAt);
    }

    [Fact]
    public void RecoveryCode_WorksOnce()
    {
        var code = new RecoveryCode { UserId = Guid.NewGuid(), CodeHash = "h", CreatedAt = Now };

        Assert.True(code.TryUse(Now));
        Assert.False(code.TryUse(Now.AddMinutes(1)));
        Assert.Equal(Now, code.UsedAt);
    }

    [Theory]
    [InlineData("  work phone ", "work phone")]
    [InlineData("   ", Passkey.DefaultName)]
    public void Passkey_Rename_KeepsATrimmedName(string given, string kept)
    {
        var passkey = new Passkey { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), CredentialId = [1], PublicKey = [2], Name = "key", CreatedAt = Now };

        passkey.Rename(given);

        Assert.Equal(kept, passkey.Name);
    }

    [Fact]
    public void PendingSignIn_IsConsumedOnce_BeforeItExpires()
    {
        Assert.False(Pending().TryConsume(Now + PendingSignIn.Lifetime));

        var signIn = Pending();
        Assert.True(signIn.TryConsume(Now));
        Assert.False(signIn.TryConsume(Now));
        Assert.False(signIn.IsUsable(Now));
    }

    [Fact]
    public void PendingSignIn_GivesFiveAttempts_ThenIsVoid()
    {
        var signIn = Pending();

        for (var i = 0; i < PendingSignIn.MaxAttempts; i++)
        {
            Assert.True(signIn.TryBeginAttempt(Now));
        }

        Assert.False(signIn.TryBeginAttempt(Now));
    }

    [Fact]
    public void PendingSignIn_ExpiresAfterFiveMinutes_AndWorksOnce()
    {
        Assert.False(Pending().TryBeginAttempt(Now + PendingSignIn.Lifetime));
        Assert.True(Pending().TryBeginAttempt(Now + PendingSignIn.Lifetime - TimeSpan.FromSeconds(1)));

        var used = Pending();
        Assert.True(used.TryConsume(Now));
        Assert.False(used.TryBeginAttempt(Now));
    }

    [Fact]
    public void PendingSignIn_IsBoundToItsClient()
    {
        var signIn = Pending();

        Assert.True(signIn.IsFrom("10.0.0.1", "Browser/1"));
        Assert.False(signIn.IsFrom("10.0.0.2", "Browser/1"));
        Assert.False(signIn.IsFrom("10.0.0.1", "Browser/2"));
        Assert.False(signIn.IsFrom("10.0.0.1", null));
    }

    [Theory]
    [InlineData(0, 0, true)]    // an authenticator that does not count
    [InlineData(0, 1, true)]
    [InlineData(5, 6, true)]
    [InlineData(5, 5, false)]   // a clone replaying the same counter
    [InlineData(5, 4, false)]   // a clone that went backwards
    [InlineData(5, 0, false)]
    public void Passkey_CounterMustMoveForward(long stored, long reported, bool accepted)
    {
        var passkey = new Passkey
        {
            Id = Guid.NewGuid(),
            UserId = Guid.NewGuid(),
            CredentialId = [1],
            PublicKey = [2],
            SignCount = stored,
            Name = "key",
            CreatedAt = Now,
        };

        Assert.Equal(accepted, passkey.TryAdvanceCounter(reported, Now));
        Assert.Equal(accepted ? reported : stored, passkey.SignCount);
        Assert.Equal(accepted ? Now : null, passkey.LastUsedAt);
    }

    [Fact]
    public void Amr_SaysHowTheSessionWasProven()
    {
        Assert.Equal(["pwd"], Amr.ForMethod(AuthMethods.Password));
        Assert.Equal(["otp"], Amr.ForMethod(AuthMethods.Otp));
        Assert.Equal(["fed"], Amr.ForMethod("oauth:github"));
        Assert.Equal(["hwk", "mfa"], Amr.ForMethod(AuthMethods.Passkey));
        Assert.Equal(["pwd", "otp", "mfa"], Amr.WithSecondFactor(["pwd"], Amr.OneTimePassword));
        Assert.Equal(["otp", "mfa"], Amr.WithSecondFactor(["otp"], Amr.OneTimePassword));
        Assert.Equal(["fed", "hwk", "mfa"], Amr.WithSecondFactor(["fed"], Amr.HardwareKey));
        Assert.True(Amr.PassedMfa(["pwd", "mfa"]));
        Assert.False(Amr.PassedMfa(["pwd"]));
    }

    private static PendingSignIn Pending() => new()
    {
        Id = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        AuthMethod = AuthMethods.Password,
        Amr = ["pwd"],
        Ip = "10.0.0.1",
        UserAgent = "Browser/1",
        CreatedAt = Now,
        ExpiresAt = Now + PendingSignIn.Lifetime,
    };
}

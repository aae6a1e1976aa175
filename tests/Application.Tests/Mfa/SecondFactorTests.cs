using AuthService.Application.Users;
using AuthService.Application.Mfa;
using AuthService.Application.Sessions;
using AuthService.Application.Tests.Core;
using AuthService.Domain.Mfa;

namespace AuthService.Application.Tests.Mfa;

public sealed class SecondFactorTests
{
    private readonly Fakes _f = new();
    private readonly IMfaFactorRepository _factors = Substitute.For<IMfaFactorRepository>();
    private readonly IPendingSignInRepository _pending = Substitute.For<IPendingSignInRepository>();
    private readonly ISessionStarter _sessions = Substitute.For<ISessionStarter>();
    private readonly ITotpAlgorithm _totp = Substitute.For<ITotpAlgorithm>();
    private readonly ISecretCipher _cipher = Substitute.For<ISecretCipher>();
    private readonly ClientInfo _client = new("10.0.0.1", "Browser/1", null);

    private SecondFactorGate Gate() => new(_factors, _pending, _sessions, _f.Secrets, _f.Hasher, _f.Ids, _f.Auditor, _f.Clock);

    private VerifyMfa Verify() => new(
        new VerifyMfaCommandValidator(),
        new PendingSignIns(_pending, _f.Users, _sessions, _f.Hasher, _f.Auditor, _f.Uow, _f.Clock),
        new FactorCodeVerifier(_factors, _totp, _cipher, new RecoveryCodes(_f.Hasher), _f.Clock));

    [Fact]
    public async Task UserWithoutAFactor_GetsASessionAtOnce()
    {
        var user = _f.VerifiedUser();
        _factors.GetSummaryAsync(user.Id, Arg.Any<CancellationToken>()).Returns(new MfaSummary(false, 0, 0));
        var tokens = new TokenResponse("a", 900, "r", Guid.NewGuid(), UserView.Of(user));
        _sessions.StartAsync(user, "password", null, _client, Arg.Any<CancellationToken>()).Returns(tokens);

        var result = await Gate().SignInAsync(user, "password", null, _client, CancellationToken.None);

        Assert.Same(tokens, result.Value);
        await _pending.DidNotReceiveWithAnyArgs().CreateAsync(default!, default!, default);
    }

    [Fact]
    public async Task UserWithAFactor_GetsMfaRequired_WithAHashedSingleUseToken()
    {
        var user = _f.VerifiedUser();
        _factors.GetSummaryAsync(user.Id, Arg.Any<CancellationToken>()).Returns(new MfaSummary(true, 1, 10));

        var result = await Gate().SignInAsync(user, "oauth:github", "laptop", _client, CancellationToken.None);

        Assert.Equal(ErrorCode.MfaRequired, result.Error!.Code);
        var token = (string)result.Error.Details!["mfa_token"];
        Assert.Equal(["totp", "recovery_code", "passkey"], (IEnumerable<string>)result.Error.Details["methods"]);
        Assert.Equal(300, result.Error.Details["expires_in"]);
        await _pending.Received(1).CreateAsync(
            Arg.Is<PendingSignIn>(p => p.UserId == user.Id && p.AuthMethod == "oauth:github" && p.Amr.SequenceEqual(new[] { "fed" })
                && p.Ip == "10.0.0.1" && p.UserAgent == "Browser/1" && p.ExpiresAt == Fakes.Start.AddMinutes(5)),
            "h:" + token,
            Arg.Any<CancellationToken>());
        await _sessions.DidNotReceiveWithAnyArgs().StartAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task WrongCode_IsInvalidMfaCode_AndTheBurnedAttemptIsCommitted()
    {
        var user = _f.VerifiedUser();
        _f.Users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _pending.BeginAttemptAsync("h:tok", Fakes.Start, Arg.Any<CancellationToken>()).Returns(Pending(user.Id));
        _factors.UseRecoveryCodeAsync(default, default!, default, default).ReturnsForAnyArgs(false);

        var result = await Verify().ExecuteAsync(new VerifyMfaCommand("tok", "abcde-fghjk", _client), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidMfaCode, result.Error!.Code);
        await _f.Uow.Received(2).CommitAsync(Arg.Any<CancellationToken>());
        await _pending.DidNotReceiveWithAnyArgs().ConsumeAsync(default, default, default);
    }

    [Fact]
    public async Task UnknownOrVoidToken_IsInvalidToken_BeforeAnyCodeIsChecked()
    {
        var result = await Verify().ExecuteAsync(new VerifyMfaCommand("tok", "123456", _client), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidToken, result.Error!.Code);
        await _factors.DidNotReceiveWithAnyArgs().FindTotpAsync(default, default);
    }

    [Fact]
    public async Task TokenFromAnotherClient_IsInvalidToken()
    {
        var user = _f.VerifiedUser();
        _pending.BeginAttemptAsync("h:tok", Fakes.Start, Arg.Any<CancellationToken>()).Returns(Pending(user.Id));

        var result = await Verify().ExecuteAsync(
            new VerifyMfaCommand("tok", "123456", _client with { UserAgent = "Other/1" }), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidToken, result.Error!.Code);
    }

    [Fact]
    public async Task RightRecoveryCode_OpensASessionWithMfaInItsAmr()
    {
        var user = _f.VerifiedUser();
        var signIn = Pending(user.Id);
        _f.Users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _pending.BeginAttemptAsync("h:tok", Fakes.Start, Arg.Any<CancellationToken>()).Returns(signIn);
        _pending.ConsumeAsync(signIn.Id, Fakes.Start, Arg.Any<CancellationToken>()).Returns(true);
        var hash = $"h:recovery:{user.Id:N}:abcde-fghjk";
        _factors.FindRecoveryCodeAsync(user.Id, hash, Arg.Any<CancellationToken>())
            .Returns(new RecoveryCode { UserId = user.Id, CodeHash = hash, CreatedAt = Fakes.Start });
        _factors.UseRecoveryCodeAsync(user.Id, hash, Fakes.Start, Arg.Any<CancellationToken>()).Returns(true);
        var tokens = new TokenResponse("a", 900, "r", Guid.NewGuid(), UserView.Of(user));
        _sessions.StartAsync(user, "password", null, _client, Arg.Is<IReadOnlyList<string>>(a => a.SequenceEqual(new[] { "pwd", "otp", "mfa" })), Arg.Any<CancellationToken>())
            .Returns(tokens);

        var result = await Verify().ExecuteAsync(new VerifyMfaCommand("tok", " ABCDE FGHJK ", _client), CancellationToken.None);

        Assert.Same(tokens, result.Value);
    }

    [Fact]
    public async Task FactorChange_FromASessionWithoutMfa_IsForbidden_WhenTheUserHasAFactor()
    {
        var user = _f.VerifiedUser();
        _f.Users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _factors.GetSummaryAsync(user.Id, Arg.Any<CancellationToken>()).Returns(new MfaSummary(false, 1, 0));
        var principal = new CurrentPrincipal(user.Id, Guid.NewGuid(), user.Email, ["user"], "free", "", Fakes.Start.AddMinutes(15));
        var guard = new FactorChangeGuard(_f.Users, _factors);

        Assert.Equal(ErrorCode.Forbidden, (await guard.CheckAsync(principal, CancellationToken.None)).Error!.Code);

        _factors.SessionPassedMfaAsync(principal.SessionId, Arg.Any<CancellationToken>()).Returns(true);
        Assert.True((await guard.CheckAsync(principal, CancellationToken.None)).IsSuccess);

        // Without any factor there is nothing to protect yet: the first enrolment needs no MFA session.
        _factors.GetSummaryAsync(user.Id, Arg.Any<CancellationToken>()).Returns(new MfaSummary(false, 0, 0));
        _factors.SessionPassedMfaAsync(principal.SessionId, Arg.Any<CancellationToken>()).Returns(false);
        Assert.True((await guard.CheckAsync(principal, CancellationToken.None)).IsSuccess);
    }

    private PendingSignIn Pending(Guid userId) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        AuthMethod = "password",
        Amr = ["pwd"],
        Ip = _client.Ip,
        UserAgent = _client.UserAgent,
        CreatedAt = Fakes.Start,
        ExpiresAt = Fakes.Start.AddMinutes(5),
        Attempts = 1,
    };
}

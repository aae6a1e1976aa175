using AuthService.Application.Users;
using AuthService.Application.Login;
using AuthService.Application.Mfa;
using AuthService.Domain.Audit;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.Core;

public sealed class LoginTests
{
    private readonly Fakes _f = new();
    private readonly ISecondFactorGate _starter = Substitute.For<ISecondFactorGate>();

    private readonly IPasswordLockout _lockout = Substitute.For<IPasswordLockout>();

    private Login.Login Sut() =>
        new(new LoginCommandValidator(), _f.Users, _f.Passwords, _starter, _f.Auditor, _f.Uow, _lockout, _f.Clock);

    private User KnownUser(PasswordVerification verification)
    {
        var user = _f.VerifiedUser();
        _f.Users.FindByEmailAsync("ada@example.test", Arg.Any<CancellationToken>()).Returns(user);
        _f.Passwords.VerifyAsync(user.PasswordHash!, Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(verification);
        _starter.SignInAsync(user, Arg.Any<string>(), Arg.Any<string?>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>())
            .Returns(new TokenResponse("a", 900, "r", Guid.NewGuid(), UserView.Of(user)));
        return user;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LockedIdentifier_IsAccountLocked_WithRetryAfter_WithoutHashing_KnownOrNot(bool known)
    {
        if (known)
        {
            KnownUser(PasswordVerification.Succeeded);
        }

        _lockout.LockedForAsync(IdentifierKind.Email, "ada@example.test", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(10));

        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Equal(ErrorCode.AccountLocked, result.Error!.Code);
        Assert.Equal(TimeSpan.FromMinutes(10), result.Error.RetryAfter);
        await _f.Passwords.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
        await _f.Passwords.DidNotReceiveWithAnyArgs().VerifyDummyAsync(default!, default);
        await _starter.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
        await _f.AuditLog.Received(1).RecordAsync(Arg.Is<AuditEvent>(e => e.Action == AuditAction.LoginFailed), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WrongPassword_IsCountedForTheIdentifier_WithItsOwner()
    {
        var user = KnownUser(PasswordVerification.Failed);

        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidCredentials, result.Error!.Code);
        await _lockout.Received(1).RecordFailureAsync(IdentifierKind.Email, "ada@example.test", user, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UnknownIdentifier_IsCountedToo()
    {
        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidCredentials, result.Error!.Code);
        await _lockout.Received(1).RecordFailureAsync(IdentifierKind.Email, "ada@example.test", null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RightPassword_ForgetsEarlierFailures_AndReleasesTheConnectionBeforeHashing()
    {
        var user = KnownUser(PasswordVerification.Succeeded);

        Assert.True((await Sut().ExecuteAsync(Command(), CancellationToken.None)).IsSuccess);

        await _lockout.Received(1).ReleaseAsync(user, Arg.Any<CancellationToken>());
        await _f.Uow.Received(1).ReleaseConnectionAsync(Arg.Any<CancellationToken>());
    }

    private static LoginCommand Command(string email = "Ada@Example.test", string password = "correct horse battery") =>
        new(email, null, null, password, "laptop", ClientInfo.None);

    [Fact]
    public async Task UnknownAccount_HashesADummy_AndAnswersInvalidCredentials()
    {
        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidCredentials, result.Error!.Code);
        await _f.Passwords.Received(1).VerifyDummyAsync("correct horse battery", Arg.Any<CancellationToken>());
        await _f.AuditLog.Received(1).RecordAsync(Arg.Is<AuditEvent>(e => e.Action == AuditAction.LoginFailed), Arg.Any<CancellationToken>());
        await _f.Uow.Received(1).CommitAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task LooksUpTheNormalisedEmail()
    {
        await Sut().ExecuteAsync(Command(), CancellationToken.None);
        await _f.Users.Received(1).FindByEmailAsync("ada@example.test", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WrongPassword_IsInvalidCredentials_EvenForUnverifiedOrDisabled()
    {
        var user = _f.VerifiedUser();
        user.EmailVerified = false;
        user.Status = UserStatus.Disabled;
        _f.Users.FindByEmailAsync("ada@example.test", Arg.Any<CancellationToken>()).Returns(user);
        _f.Passwords.VerifyAsync(user.PasswordHash!, Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordVerification.Failed);

        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidCredentials, result.Error!.Code);
        await _starter.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task RightPasswordUnverified_IsEmailNotVerified()
    {
        var user = _f.VerifiedUser();
        user.EmailVerified = false;
        _f.Users.FindByEmailAsync("ada@example.test", Arg.Any<CancellationToken>()).Returns(user);
        _f.Passwords.VerifyAsync(user.PasswordHash!, Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordVerification.Succeeded);

        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Equal(ErrorCode.EmailNotVerified, result.Error!.Code);
    }

    [Fact]
    public async Task RightPasswordDisabled_IsAccountDisabled()
    {
        var user = _f.VerifiedUser();
        user.Status = UserStatus.Disabled;
        _f.Users.FindByEmailAsync("ada@example.test", Arg.Any<CancellationToken>()).Returns(user);
        _f.Passwords.VerifyAsync(user.PasswordHash!, Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordVerification.Succeeded);

        Assert.Equal(ErrorCode.AccountDisabled, (await Sut().ExecuteAsync(Command(), CancellationToken.None)).Error!.Code);
    }

    [Fact]
    public async Task Success_WithOutdatedParameters_RehashesAndStartsPasswordSession()
    {
        var user = _f.VerifiedUser();
        _f.Users.FindByEmailAsync("ada@example.test", Arg.Any<CancellationToken>()).Returns(user);
        _f.Passwords.VerifyAsync(user.PasswordHash!, Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(PasswordVerification.SucceededRehashNeeded);
        _f.Passwords.HashAsync("correct horse battery", Arg.Any<CancellationToken>()).Returns("$argon2id$new");
        var tokens = new TokenResponse("a", 900, "r", Guid.NewGuid(), UserView.Of(user));
        _starter.SignInAsync(user, "password", "laptop", Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>()).Returns(tokens);

        var result = await Sut().ExecuteAsync(Command(), CancellationToken.None);

        Assert.Same(tokens, result.Value);
        await _f.Users.Received(1).SetPasswordHashAsync(user.Id, "$argon2id$new", Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _f.Uow.Received(1).CommitAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TwoIdentifiers_IsValidationError()
    {
        var result = await Sut().ExecuteAsync(
            new LoginCommand("a@example.test", "+14155550123", null, "pw", null, ClientInfo.None), CancellationToken.None);
        Assert.Equal(ErrorCode.ValidationError, result.Error!.Code);
        await _f.Passwords.DidNotReceiveWithAnyArgs().VerifyDummyAsync(default!, default);
    }
}

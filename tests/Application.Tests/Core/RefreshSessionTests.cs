using AuthService.Application.Sessions;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.Core;

public sealed class RefreshSessionTests
{
    private readonly Fakes _f = new();

    private RefreshSession Sut() => new(
        _f.Sessions, _f.Users, _f.Tokens, _f.Secrets, _f.Hasher, _f.Revoker(), _f.Settings, _f.Clock);

    private Session ActiveSession(Guid userId) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        AuthMethod = AuthMethods.Password,
        CreatedAt = Fakes.Start,
        ExpiresAt = Fakes.Start.AddDays(30),
    };

    [Fact]
    public async Task CurrentToken_RotatesToItsSuccessor()
    {
        var user = _f.VerifiedUser();
        var session = ActiveSession(user.Id);
        _f.Sessions.RotateRefreshTokenAsync("h:t0", "h:t0+1", Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new RotatedSession(session, user));

        var result = await Sut().ExecuteAsync(new RefreshCommand("t0", ClientInfo.None), CancellationToken.None);

        Assert.Equal("t0+1", result.Value.RefreshToken);
        Assert.Equal(session.Id, result.Value.SessionId);
        await _f.Users.DidNotReceiveWithAnyArgs().FindByIdAsync(default, default);
    }

    [Fact]
    public async Task CurrentToken_OfADisabledUser_IsAccountDisabled()
    {
        var user = _f.VerifiedUser();
        user.Status = UserStatus.Disabled;
        var session = ActiveSession(user.Id);
        _f.Sessions.RotateRefreshTokenAsync("h:t0", "h:t0+1", Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new RotatedSession(session, user));

        var result = await Sut().ExecuteAsync(new RefreshCommand("t0", ClientInfo.None), CancellationToken.None);

        Assert.Equal(ErrorCode.AccountDisabled, result.Error!.Code);
        _f.Tokens.DidNotReceiveWithAnyArgs().Issue(default!, default!, default);
    }

    [Fact]
    public async Task RotatedTokenInsideGrace_GetsTheSameSuccessor_WithoutRevoking()
    {
        var user = _f.VerifiedUser();
        var session = ActiveSession(user.Id);
        _f.Sessions.FindRefreshTokenAsync("h:t0", Arg.Any<CancellationToken>()).Returns(new RefreshTokenRecord(session.Id, Fakes.Start));
        _f.Sessions.FindAsync(session.Id, Arg.Any<CancellationToken>()).Returns(session);
        _f.Sessions.IsCurrentRefreshTokenAsync(session.Id, "h:t0+1", Arg.Any<CancellationToken>()).Returns(true);
        _f.Users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _f.Clock.Advance(TimeSpan.FromSeconds(5));

        var result = await Sut().ExecuteAsync(new RefreshCommand("t0", ClientInfo.None), CancellationToken.None);

        Assert.Equal("t0+1", result.Value.RefreshToken);
        await _f.Sessions.DidNotReceiveWithAnyArgs().RevokeAsync(default, default, default!, default, default);
    }

    [Fact]
    public async Task RotatedTokenAfterGrace_RevokesSessionAndPublishes()
    {
        var session = ActiveSession(Guid.NewGuid());
        _f.Sessions.FindRefreshTokenAsync("h:t0", Arg.Any<CancellationToken>()).Returns(new RefreshTokenRecord(session.Id, Fakes.Start));
        _f.Sessions.FindAsync(session.Id, Arg.Any<CancellationToken>()).Returns(session);
        _f.Sessions.IsCurrentRefreshTokenAsync(session.Id, "h:t0+1", Arg.Any<CancellationToken>()).Returns(true);
        _f.Clock.Advance(TimeSpan.FromSeconds(11));

        var result = await Sut().ExecuteAsync(new RefreshCommand("t0", ClientInfo.None), CancellationToken.None);

        Assert.Equal(ErrorCode.TokenReused, result.Error!.Code);
        await _f.Sessions.Received(1).RevokeAsync(session.Id, session.UserId, RevocationReason.TokenReuse, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _f.Uow.Received(1).CommitAsync(Arg.Any<CancellationToken>());
        await _f.Revocations.Received(1).MarkRevokedAsync(Arg.Is<IReadOnlyCollection<Guid>>(ids => ids.Contains(session.Id)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GrandparentTokenInsideGrace_IsReuse()
    {
        var session = ActiveSession(Guid.NewGuid());
        _f.Sessions.FindRefreshTokenAsync("h:t0", Arg.Any<CancellationToken>()).Returns(new RefreshTokenRecord(session.Id, Fakes.Start));
        _f.Sessions.FindAsync(session.Id, Arg.Any<CancellationToken>()).Returns(session);
        _f.Sessions.IsCurrentRefreshTokenAsync(session.Id, "h:t0+1", Arg.Any<CancellationToken>()).Returns(false);

        var result = await Sut().ExecuteAsync(new RefreshCommand("t0", ClientInfo.None), CancellationToken.None);

        Assert.Equal(ErrorCode.TokenReused, result.Error!.Code);
    }

    [Fact]
    public async Task RevokedSession_IsSessionRevoked_UnknownToken_IsInvalid()
    {
        var session = ActiveSession(Guid.NewGuid());
        session.Revoke(RevocationReason.Logout, Fakes.Start);
        _f.Sessions.FindRefreshTokenAsync("h:t0", Arg.Any<CancellationToken>()).Returns(new RefreshTokenRecord(session.Id, null));
        _f.Sessions.FindAsync(session.Id, Arg.Any<CancellationToken>()).Returns(session);

        Assert.Equal(ErrorCode.SessionRevoked, (await Sut().ExecuteAsync(new RefreshCommand("t0", ClientInfo.None), CancellationToken.None)).Error!.Code);
        Assert.Equal(ErrorCode.InvalidToken, (await Sut().ExecuteAsync(new RefreshCommand("zz", ClientInfo.None), CancellationToken.None)).Error!.Code);
    }
}

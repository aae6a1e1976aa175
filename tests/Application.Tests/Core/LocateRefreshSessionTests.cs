using AuthService.Application.Sessions;

namespace AuthService.Application.Tests.Core;

public sealed class LocateRefreshSessionTests
{
    private readonly Fakes _f = new();
    private readonly IRefreshTokenHandles _handles = Substitute.For<IRefreshTokenHandles>();

    private LocateRefreshSession Sut() => new(_handles, _f.Sessions, _f.Hasher);

    [Fact]
    public async Task TokenWithAnAuthenticHandle_NamesItsSession_WithoutAnyRead()
    {
        var session = Guid.CreateVersion7();
        _handles.SessionOf("t0").Returns(session);

        Assert.Equal(session, await Sut().ExecuteAsync("t0", CancellationToken.None));
        await _f.Sessions.DidNotReceiveWithAnyArgs().FindRefreshTokenAsync(default!, default);
    }

    [Fact]
    public async Task TokenWithoutAHandle_IsLookedUpByItsHash()
    {
        var session = Guid.CreateVersion7();
        _f.Sessions.FindRefreshTokenAsync("h:old", Arg.Any<CancellationToken>()).Returns(new RefreshTokenRecord(session, null));

        Assert.Equal(session, await Sut().ExecuteAsync("old", CancellationToken.None));
        Assert.Null(await Sut().ExecuteAsync("unknown", CancellationToken.None));
        Assert.Null(await Sut().ExecuteAsync(new string('x', 129), CancellationToken.None));
    }
}

using AuthService.Application.Tests.Core;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.ApiKeys;

public sealed class AuthenticateApiKeyTests
{
    private readonly ApiKeyFakes _f = new();

    [Fact]
    public async Task ValidKey_ReturnsKeyAndOwner_AndTouchesLastUsedOnce()
    {
        var owner = _f.Known(_f.Core.VerifiedUser());
        var (key, plaintext) = _f.StoredKey(owner);

        var result = await _f.AuthenticateApiKey().ExecuteAsync(plaintext, CancellationToken.None);

        Assert.Equal(key.Id, result.Value.ApiKey.Id);
        Assert.Equal(owner.Id, result.Value.User.Id);
        await _f.Keys.Received(1).TouchLastUsedAsync(key.Id, Fakes.Start, Fakes.Start.AddMinutes(-1), Arg.Any<CancellationToken>());
        await _f.Core.Uow.Received(1).CommitAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RecentlyUsedKey_IsNotTouchedAgain()
    {
        var owner = _f.Known(_f.Core.VerifiedUser());
        var (_, plaintext) = _f.StoredKey(owner, k => k.RecordUse(Fakes.Start.AddSeconds(-30)));

        Assert.True((await _f.AuthenticateApiKey().ExecuteAsync(plaintext, CancellationToken.None)).IsSuccess);

        await _f.Keys.DidNotReceiveWithAnyArgs().TouchLastUsedAsync(default, default, default, default);
    }

    [Fact]
    public async Task Malformed_IsInvalid_WithoutAnyLookup()
    {
        var result = await _f.AuthenticateApiKey().ExecuteAsync("ask_nope", CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidToken, result.Error!.Code);
        await _f.Keys.DidNotReceiveWithAnyArgs().FindByPrefixAsync(default!, default);
    }

    [Fact]
    public async Task RightPrefixWrongSecret_IsInvalid()
    {
        var owner = _f.Known(_f.Core.VerifiedUser());
        var (key, _) = _f.StoredKey(owner);

        var result = await _f.AuthenticateApiKey().ExecuteAsync($"ask_{key.Prefix}_{new string('y', 43)}", CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidToken, result.Error!.Code);
    }

    [Fact]
    public async Task RevokedOrExpiredKey_IsInvalid()
    {
        var owner = _f.Known(_f.Core.VerifiedUser());
        var (_, revoked) = _f.StoredKey(owner, k => k.Revoke(Fakes.Start.AddSeconds(-1)));
        var (_, expired) = _f.StoredKey(owner, expiresAt: Fakes.Start);

        Assert.Equal(ErrorCode.InvalidToken, (await _f.AuthenticateApiKey().ExecuteAsync(revoked, CancellationToken.None)).Error!.Code);
        Assert.Equal(ErrorCode.InvalidToken, (await _f.AuthenticateApiKey().ExecuteAsync(expired, CancellationToken.None)).Error!.Code);
        await _f.Keys.DidNotReceiveWithAnyArgs().TouchLastUsedAsync(default, default, default, default);
    }

    [Theory]
    [InlineData(UserStatus.Disabled)]
    [InlineData(UserStatus.Deleted)]
    public async Task KeyOfAnInactiveOwner_IsInvalid(UserStatus status)
    {
        var owner = _f.Known(_f.Core.VerifiedUser());
        owner.Status = status;
        var (_, plaintext) = _f.StoredKey(owner);

        Assert.Equal(ErrorCode.InvalidToken, (await _f.AuthenticateApiKey().ExecuteAsync(plaintext, CancellationToken.None)).Error!.Code);
    }
}

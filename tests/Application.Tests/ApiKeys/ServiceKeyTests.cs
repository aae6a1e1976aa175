using AuthService.Application.ServiceKeys;
using AuthService.Application.Tests.Core;
using AuthService.Domain.ApiKeys;

namespace AuthService.Application.Tests.ApiKeys;

/// <summary>Service keys go through the same store and verifier as users' keys; what differs is the kind, the cache and who may revoke.</summary>
public sealed class ServiceKeyTests
{
    private readonly ApiKeyFakes _f = new();

    private AuthenticateServiceKey Authenticate() => new(_f.Verifier(), new ServiceKeyCache(_f.Core.Clock), _f.Core.Hasher);

    private (ApiKey Key, string Plaintext) StoredServiceKey(Action<ApiKey>? change = null)
    {
        var plaintext = $"ssk_svc{Random.Shared.Next(10000, 99999)}_{new string('s', 43)}";
        var key = ApiKey.ForService(Guid.CreateVersion7(), "svc", null, null, plaintext[4..12], "h:" + plaintext, Fakes.Start.AddDays(-1), null);
        change?.Invoke(key);
        _f.Keys.FindByPrefixAsync(key.Prefix, Arg.Any<CancellationToken>()).Returns([key]);
        return (key, plaintext);
    }

    [Fact]
    public async Task ValidServiceKey_IsFoundOnce_ThenServedFromTheCache()
    {
        var (key, plaintext) = StoredServiceKey();
        var authenticate = Authenticate();

        Assert.Equal(key.Id, (await authenticate.ExecuteAsync(plaintext, CancellationToken.None)).Value.Id);
        Assert.Equal(key.Id, (await authenticate.ExecuteAsync(plaintext, CancellationToken.None)).Value.Id);

        await _f.Keys.Received(1).FindByPrefixAsync(key.Prefix, Arg.Any<CancellationToken>());
        await _f.Keys.Received(1).TouchLastUsedAsync(key.Id, Fakes.Start, Fakes.Start.AddMinutes(-1), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UsersKey_IsNoServiceKey_WithoutAnyLookup()
    {
        var (_, plaintext) = _f.StoredKey(_f.Known(_f.Core.VerifiedUser()));

        var result = await Authenticate().ExecuteAsync(plaintext, CancellationToken.None);

        Assert.Equal(ErrorCode.Unauthorized, result.Error!.Code);
        await _f.Keys.DidNotReceiveWithAnyArgs().FindByPrefixAsync(default!, default);
    }

    [Fact]
    public async Task RevokedServiceKey_IsUnauthorized()
    {
        var (_, plaintext) = StoredServiceKey(k => k.Revoke(Fakes.Start.AddSeconds(-1)));

        Assert.Equal(ErrorCode.Unauthorized, (await Authenticate().ExecuteAsync(plaintext, CancellationToken.None)).Error!.Code);
    }

    [Fact]
    public async Task RevokeServiceKey_RefusesAUsersKey_AndForgetsCachedKeysOnSuccess()
    {
        var cache = new ServiceKeyCache(_f.Core.Clock);
        var revoke = new RevokeServiceKey(_f.Keys, cache, _f.Core.Auditor, _f.Core.Uow, _f.Core.Clock);
        var admin = ApiKeyFakes.PrincipalOf(_f.Core.VerifiedUser());
        var (usersKey, _) = _f.StoredKey(_f.Core.VerifiedUser());
        var (serviceKey, _) = StoredServiceKey();
        _f.Keys.FindAsync(usersKey.Id, Arg.Any<CancellationToken>()).Returns(usersKey);
        _f.Keys.FindAsync(serviceKey.Id, Arg.Any<CancellationToken>()).Returns(serviceKey);
        _f.Keys.SaveRevocationAsync(serviceKey, Arg.Any<CancellationToken>()).Returns(true);
        cache.Add("h:cached", serviceKey);

        Assert.Equal(ErrorCode.NotFound, (await revoke.ExecuteAsync(admin, usersKey.Id, ClientInfo.None, CancellationToken.None)).Error!.Code);
        Assert.Null(usersKey.RevokedAt);
        Assert.True((await revoke.ExecuteAsync(admin, serviceKey.Id, ClientInfo.None, CancellationToken.None)).IsSuccess);
        Assert.Equal(Fakes.Start, serviceKey.RevokedAt);
        Assert.Null(cache.Find("h:cached"));
    }
}

using AuthService.Application.ApiKeys;
using AuthService.Domain.Audit;

namespace AuthService.Application.Tests.ApiKeys;

public sealed class ManageApiKeysTests
{
    private readonly ApiKeyFakes _f = new();

    private RevokeApiKey Revoke() => new(_f.Keys, _f.Core.Auditor, _f.Core.Uow, _f.Core.Clock);

    [Fact]
    public async Task Revoke_UnknownOrSomeoneElsesKey_IsNotFound_WithoutAudit()
    {
        var principal = ApiKeyFakes.PrincipalOf(_f.Core.VerifiedUser());
        var (someoneElses, _) = _f.StoredKey(_f.Core.VerifiedUser());
        _f.Keys.FindAsync(someoneElses.Id, Arg.Any<CancellationToken>()).Returns(someoneElses);

        var unknown = await Revoke().ExecuteAsync(principal, Guid.CreateVersion7(), ClientInfo.None, CancellationToken.None);
        var result = await Revoke().ExecuteAsync(principal, someoneElses.Id, ClientInfo.None, CancellationToken.None);

        Assert.Equal(ErrorCode.NotFound, unknown.Error!.Code);
        Assert.Equal(ErrorCode.NotFound, result.Error!.Code);
        await _f.Keys.DidNotReceiveWithAnyArgs().SaveRevocationAsync(default!, default);
        await _f.Core.AuditLog.DidNotReceiveWithAnyArgs().RecordAsync(default!, default);
        await _f.Core.Uow.DidNotReceiveWithAnyArgs().CommitAsync(default);
    }

    [Fact]
    public async Task Revoke_OwnKey_IsAuditedAndCommitted()
    {
        var owner = _f.Core.VerifiedUser();
        var principal = ApiKeyFakes.PrincipalOf(owner);
        var (own, _) = _f.StoredKey(owner);
        var keyId = own.Id;
        _f.Keys.FindAsync(keyId, Arg.Any<CancellationToken>()).Returns(own);
        _f.Keys.SaveRevocationAsync(own, Arg.Any<CancellationToken>()).Returns(true);

        var result = await Revoke().ExecuteAsync(principal, keyId, ClientInfo.None, CancellationToken.None);

        Assert.True(result.IsSuccess);
        await _f.Core.AuditLog.Received(1).RecordAsync(
            Arg.Is<AuditEvent>(e => e.Action == ApiKeyAuditActions.Revoked && Equals(e.Data!["api_key_id"], keyId)),
            Arg.Any<CancellationToken>());
        await _f.Core.Uow.Received(1).CommitAsync(Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("ask_abcd1234_" + "0123456789abcdefghijklmnopqrstuvwxyzABCDE-_", "abcd1234")]
    [InlineData("ask_ABCD1234_" + "0123456789abcdefghijklmnopqrstuvwxyzABCDE-_", null)]
    [InlineData("ask_abcd1234-" + "0123456789abcdefghijklmnopqrstuvwxyzABCDE-_", null)]
    [InlineData("ask_abcd1234_" + "0123456789abcdefghijklmnopqrstuvwxyzABCDE-", null)]
    [InlineData("ask_abcd1234_" + "0123456789abcdefghijklmnopqrstuvwxyzABCD.-_", null)]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.sig", null)]
    public void PrefixOf_AcceptsOnlyTheExactFormat(string key, string? prefix) =>
        Assert.Equal(prefix, ApiKeyFormat.PrefixOf(key));

    [Fact]
    public void NewKeys_HaveTheDocumentedShape()
    {
        var prefix = ApiKeyFormat.NewPrefix();
        var key = ApiKeyFormat.Compose(prefix, new string('A', ApiKeyFormat.SecretLength));

        Assert.Equal(ApiKeyFormat.KeyLength, key.Length);
        Assert.Equal(prefix, ApiKeyFormat.PrefixOf(key));
        Assert.NotEqual(prefix, ApiKeyFormat.NewPrefix());
    }
}

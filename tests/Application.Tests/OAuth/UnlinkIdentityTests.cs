using AuthService.Application.Mfa;
using AuthService.Application.OAuth;
using AuthService.Domain.Audit;
using AuthService.Domain.Mfa;

namespace AuthService.Application.Tests.OAuth;

public sealed class UnlinkIdentityTests
{
    private readonly OAuthFakes _f = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly IPasskeyRepository _passkeys = Substitute.For<IPasskeyRepository>();

    private UnlinkIdentity Sut() => new(_f.Identities, _f.Core.Users, _passkeys, _f.Core.Auditor, _f.Core.Uow);

    [Fact]
    public async Task OnlyIdentityWithoutPassword_ButWithAPasskey_Unlinks()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.PasswordHash = null;
        _f.Identities.ListForUserLockedAsync(user.Id, Ct).Returns([_f.LinkOf(user)]);
        _passkeys.ListLockedAsync(user.Id, Ct).Returns([new Passkey
        {
            Id = Guid.NewGuid(), UserId = user.Id, CredentialId = [1], PublicKey = [2], Name = "laptop", CreatedAt = DateTimeOffset.UnixEpoch,
        }]);

        var result = await Sut().ExecuteAsync(new UnlinkIdentityCommand(user.Id, OAuthFakes.Provider, OAuthFakes.Client), Ct);

        Assert.True(result.IsSuccess);
        await _f.Identities.Received(1).DeleteAsync(user.Id, OAuthFakes.Provider, Ct);
    }

    [Fact]
    public async Task OnlyIdentityWithoutPassword_IsLastLoginMethod_AndStays()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.PasswordHash = null;
        _f.Identities.ListForUserLockedAsync(user.Id, Ct).Returns([_f.LinkOf(user)]);

        var result = await Sut().ExecuteAsync(new UnlinkIdentityCommand(user.Id, OAuthFakes.Provider, OAuthFakes.Client), Ct);

        Assert.Equal(ErrorCode.LastLoginMethod, result.Error!.Code);
        await _f.Identities.DidNotReceiveWithAnyArgs().DeleteAsync(default, default!, default);
    }

    [Fact]
    public async Task WithPassword_Unlinks_AndAudits()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        _f.Identities.ListForUserLockedAsync(user.Id, Ct).Returns([_f.LinkOf(user)]);

        var result = await Sut().ExecuteAsync(new UnlinkIdentityCommand(user.Id, OAuthFakes.Provider, OAuthFakes.Client), Ct);

        Assert.True(result.IsSuccess);
        await _f.Identities.Received(1).DeleteAsync(user.Id, OAuthFakes.Provider, Ct);
        await _f.Core.AuditLog.Received(1).RecordAsync(Arg.Is<AuditEvent>(e => e.Action == AuditAction.IdentityUnlinked), Ct);
        await _f.Core.Uow.Received(1).CommitAsync(Ct);
    }

    [Fact]
    public async Task WithoutPassword_TwoIdentities_UnlinksDownToOne()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.PasswordHash = null;
        _f.Identities.ListForUserLockedAsync(user.Id, Ct).Returns([_f.LinkOf(user), _f.LinkOf(user, "gh-1", "github")]);

        var result = await Sut().ExecuteAsync(new UnlinkIdentityCommand(user.Id, "github", OAuthFakes.Client), Ct);

        Assert.True(result.IsSuccess);
        await _f.Identities.Received(1).DeleteAsync(user.Id, "github", Ct);
    }

    [Fact]
    public async Task ProviderNotLinked_IsNotFound()
    {
        var user = _f.Known(_f.Core.VerifiedUser());

        var result = await Sut().ExecuteAsync(new UnlinkIdentityCommand(user.Id, "github", OAuthFakes.Client), Ct);

        Assert.Equal(ErrorCode.NotFound, result.Error!.Code);
    }
}

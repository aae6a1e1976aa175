using AuthService.Application.OAuth;
using AuthService.Application.Tests.Core;
using AuthService.Domain.Audit;
using AuthService.Domain.Identities;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.OAuth;

/// <summary>Provider logins: which local account a provider identity signs in as, if any.</summary>
public sealed class LinkingPolicyTests
{
    private readonly OAuthFakes _f = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task LinkedIdentity_SignsInItsUser_WithoutLinkingAgain()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        _f.Identities.FindAsync(OAuthFakes.Provider, "sub-1", Ct).Returns(_f.LinkOf(user));

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Same(user, result.Value);
        await _f.Identities.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
        await _f.Core.Users.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task LinkedIdentityOfDisabledUser_IsAccountDisabled()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Status = UserStatus.Disabled;
        _f.Identities.FindAsync(OAuthFakes.Provider, "sub-1", Ct).Returns(_f.LinkOf(user));

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.AccountDisabled, result.Error!.Code);
    }

    [Fact]
    public async Task EmailVerifiedOnBothSides_AutoLinksToTheExistingAccount()
    {
        var owner = _f.Core.VerifiedUser("ada@example.test");
        _f.Core.Users.FindByEmailAsync("ada@example.test", Ct).Returns(owner);

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity("Ada@Example.test"), OAuthFakes.Client, Ct);

        Assert.Same(owner, result.Value);
        await _f.Identities.Received(1).TryAddAsync(
            Arg.Is<ExternalIdentity>(i => i.UserId == owner.Id && i.Provider == OAuthFakes.Provider && i.Subject == "sub-1"), Ct);
        await _f.Core.AuditLog.Received(1).RecordAsync(
            Arg.Is<AuditEvent>(e => e.Action == AuditAction.IdentityLinked && e.UserId == owner.Id && (bool)e.Data!["automatic"]!), Ct);
        await _f.Core.Users.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task ProviderEmailNotVerified_IsAccountExists_AndLinksNothing()
    {
        var owner = _f.Core.VerifiedUser("ada@example.test");
        _f.Core.Users.FindByEmailAsync("ada@example.test", Ct).Returns(owner);

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(verified: false), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.AccountExists, result.Error!.Code);
        await _f.Identities.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
        await _f.Core.Users.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
        await _f.Core.AuditLog.Received(1).RecordAsync(Arg.Is<AuditEvent>(e => e.Action == AuditAction.LoginFailed), Ct);
    }

    [Fact]
    public async Task LocalEmailNotVerified_IsAccountExists_AndLinksNothing()
    {
        var owner = _f.Core.VerifiedUser("ada@example.test");
        owner.EmailVerified = false;
        _f.Core.Users.FindByEmailAsync("ada@example.test", Ct).Returns(owner);

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.AccountExists, result.Error!.Code);
        await _f.Identities.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    [Fact]
    public async Task NoAccountWithTheEmail_CreatesAPasswordlessUserWithTheVerifiedEmail()
    {
        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity("New@Example.test"), OAuthFakes.Client, Ct);

        var user = result.Value;
        Assert.Equal("new@example.test", user.Email);
        Assert.True(user.EmailVerified);
        Assert.False(user.HasPassword);
        Assert.Equal("Ada", user.Name);
        await _f.Core.Users.Received(1).AddAsync(user, Ct);
        await _f.Identities.Received(1).TryAddAsync(Arg.Is<ExternalIdentity>(i => i.UserId == user.Id), Ct);
    }

    [Fact]
    public async Task NewUserFromUnverifiedEmail_DoesNotClaimTheAddress()
    {
        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(verified: false), OAuthFakes.Client, Ct);

        Assert.Null(result.Value.Email);
        Assert.False(result.Value.EmailVerified);
    }

    [Fact]
    public async Task NewUserLosingTheEmailRace_IsAccountExists()
    {
        _f.Core.Users.AddAsync(default!, default).ReturnsForAnyArgs(["email"]);

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.AccountExists, result.Error!.Code);
        await _f.Identities.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    [Fact]
    public void AutoLink_NeedsTheSameAddress()
    {
        var owner = new Fakes().VerifiedUser("ada@example.test");
        Assert.False(LinkingPolicy.MayAutoLink(OAuthFakes.Identity("other@example.test"), owner));
        Assert.True(LinkingPolicy.MayAutoLink(OAuthFakes.Identity("ADA@example.test"), owner));
    }
}

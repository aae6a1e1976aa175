using AuthService.Application.SystemConfig;

namespace AuthService.Application.Tests.OAuth;

/// <summary>With AUTH__REGISTRATION=invite_only, a provider sign-up needs an invitation bound to the address the provider verified.</summary>
public sealed class InviteOnlySignUpTests
{
    private readonly OAuthFakes _f = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    public InviteOnlySignUpTests() => _f.Registration(RegistrationMode.InviteOnly);

    [Fact]
    public async Task NewAccount_WithoutAnInvitation_IsInviteRequired_AndNothingIsCreated()
    {
        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.InviteRequired, result.Error!.Code);
        await _f.Core.Users.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task NewAccount_WithAnInvitationForTheVerifiedEmail_IsCreated_AndUsesIt()
    {
        var invite = Guid.CreateVersion7();
        _f.Invites.ConsumeForEmailAsync("ada@example.test", Arg.Any<Guid>(), Arg.Any<DateTimeOffset>(), Ct).Returns(invite);

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.True(result.IsSuccess);
        await _f.Core.Users.ReceivedWithAnyArgs(1).AddAsync(default!, default);
        await _f.Core.AuditLog.Received().RecordAsync(Arg.Is<Domain.Audit.AuditEvent>(e => e.Action == "invite.use"), Ct);
    }

    [Fact]
    public async Task UnverifiedProviderEmail_CannotUseAnInvitation()
    {
        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(verified: false), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.InviteRequired, result.Error!.Code);
        await _f.Invites.DidNotReceiveWithAnyArgs().ConsumeForEmailAsync(default!, default, default, default);
    }

    [Fact]
    public async Task LinkedAccounts_StillSignIn()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        _f.Identities.FindAsync(OAuthFakes.Provider, "sub-1", Ct).Returns(_f.LinkOf(user));

        var result = await _f.Resolver().ResolveLoginAsync(OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Same(user, result.Value);
    }
}

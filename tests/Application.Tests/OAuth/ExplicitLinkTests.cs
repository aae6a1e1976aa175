using AuthService.Application.OAuth;
using AuthService.Domain.Audit;
using AuthService.Domain.Identities;

namespace AuthService.Application.Tests.OAuth;

public sealed class ExplicitLinkTests
{
    private readonly OAuthFakes _f = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task LinksAProviderAccountToTheSignedInUser_AndAudits()
    {
        var user = _f.Known(_f.Core.VerifiedUser());

        var result = await _f.Resolver().LinkAsync(user.Id, OAuthFakes.Identity("elsewhere@example.test", verified: false), OAuthFakes.Client, Ct);

        Assert.Equal(user.Id, result.Value.UserId);
        await _f.Identities.Received(1).TryAddAsync(Arg.Any<ExternalIdentity>(), Ct);
        await _f.Core.AuditLog.Received(1).RecordAsync(
            Arg.Is<AuditEvent>(e => e.Action == AuditAction.IdentityLinked && e.UserId == user.Id), Ct);
    }

    [Fact]
    public async Task ProviderAccountOfAnotherUser_IsIdentifierTaken()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        var other = _f.Core.VerifiedUser("other@example.test");
        _f.Identities.FindAsync(OAuthFakes.Provider, "sub-1", Ct).Returns(_f.LinkOf(other));

        var result = await _f.Resolver().LinkAsync(user.Id, OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.IdentifierTaken, result.Error!.Code);
        await _f.Identities.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    [Fact]
    public async Task SameLinkAgain_IsIdempotent()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        var link = _f.LinkOf(user);
        _f.Identities.FindAsync(OAuthFakes.Provider, "sub-1", Ct).Returns(link);
        _f.Identities.ListForUserAsync(user.Id, Ct).Returns([link]);

        var result = await _f.Resolver().LinkAsync(user.Id, OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Same(link, result.Value);
        await _f.Identities.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    [Fact]
    public async Task SecondAccountOfTheSameProvider_IsIdentifierTaken()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        _f.Identities.ListForUserAsync(user.Id, Ct).Returns([_f.LinkOf(user, subject: "sub-0")]);

        var result = await _f.Resolver().LinkAsync(user.Id, OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.IdentifierTaken, result.Error!.Code);
    }

    [Fact]
    public async Task LosingTheInsertRace_IsIdentifierTaken()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        _f.Identities.TryAddAsync(default!, default).ReturnsForAnyArgs(false);

        var result = await _f.Resolver().LinkAsync(user.Id, OAuthFakes.Identity(), OAuthFakes.Client, Ct);

        Assert.Equal(ErrorCode.IdentifierTaken, result.Error!.Code);
        await _f.Core.AuditLog.DidNotReceiveWithAnyArgs().RecordAsync(default!, default);
    }
}

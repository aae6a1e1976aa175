using AuthService.Application.Invites;
using AuthService.Application.SystemConfig;
using AuthService.Application.OAuth;
using AuthService.Application.Tests.Core;
using AuthService.Domain.Identities;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.OAuth;

/// <summary>The OAuth ports on top of <see cref="Fakes"/>, and builders for their data.</summary>
internal sealed class OAuthFakes
{
    public const string Provider = "test";

    public Fakes Core { get; } = new();
    public IExternalIdentityRepository Identities { get; } = Substitute.For<IExternalIdentityRepository>();
    public IOAuthProviderGateway Gateway { get; } = Substitute.For<IOAuthProviderGateway>();
    public IOAuthStateStore States { get; } = Substitute.For<IOAuthStateStore>();
    public IOAuthExchangeCodeStore Codes { get; } = Substitute.For<IOAuthExchangeCodeStore>();
    public OAuthSettings Settings { get; } = new() { RedirectAllowlist = ["http://localhost:3000/callback"] };

    public OAuthFakes()
    {
        Identities.TryAddAsync(default!, default).ReturnsForAnyArgs(true);
        Identities.ListForUserAsync(default, default).ReturnsForAnyArgs([]);
        Identities.ListForUserLockedAsync(default, default).ReturnsForAnyArgs([]);
        Identities.DeleteAsync(default, default!, default).ReturnsForAnyArgs(true);
        Core.Users.AddAsync(default!, default).ReturnsForAnyArgs([]);
        Gateway.IsConfigured(Provider).Returns(true);
        Registration(RegistrationMode.Open);
        States.SaveAsync(default!, default!, default, default).ReturnsForAnyArgs(true);
        Codes.SaveAsync(default!, default!, default, default).ReturnsForAnyArgs(true);
    }

    public IRuntimeSettings SystemSettings { get; } = Substitute.For<IRuntimeSettings>();
    public IInviteRepository Invites { get; } = Substitute.For<IInviteRepository>();

    public OAuthAccountResolver Resolver() =>
        new(Identities, Core.Users, Core.Ids, Core.Auditor, new InviteGate(SystemSettings, Invites, Core.Hasher, Core.Auditor, Core.Clock), Core.Uow, Core.Clock);

    /// <summary>Registration as AUTH__REGISTRATION would set it.</summary>
    public void Registration(RegistrationMode mode) => SystemSettings.Registration.Returns(mode);

    public static ProviderIdentity Identity(string email = "ada@example.test", bool verified = true, string subject = "sub-1") =>
        new(Provider, subject, email, verified, "Ada", null);

    public ExternalIdentity LinkOf(User user, string subject = "sub-1", string provider = Provider) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = user.Id,
        Provider = provider,
        Subject = subject,
        Email = user.Email,
        EmailVerified = true,
        LinkedAt = Fakes.Start,
    };

    public User Known(User user)
    {
        Core.Users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        return user;
    }

    public static ClientInfo Client => ClientInfo.None;
}

using AuthService.Application.ApiKeys;
using AuthService.Application.Auth;
using AuthService.Application.Plans;
using AuthService.Application.ServiceKeys;
using AuthService.Application.Tests.Core;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Plans;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.ApiKeys;

/// <summary>The API key, plan and quota ports on top of <see cref="Fakes"/>, with the seeded plans and services.</summary>
internal sealed class ApiKeyFakes
{
    public Fakes Core { get; } = new();
    public IApiKeyRepository Keys { get; } = Substitute.For<IApiKeyRepository>();
    public IPlanRepository Plans { get; } = Substitute.For<IPlanRepository>();
    public IQuotaCounter Counters { get; } = Substitute.For<IQuotaCounter>();
    public IAuthenticateAccessToken AccessTokens { get; } = Substitute.For<IAuthenticateAccessToken>();
    public IAuthenticateServiceKey ServiceKeys { get; } = Substitute.For<IAuthenticateServiceKey>();
    public ServiceCallTally Tally { get; } = new();

    /// <summary>The service key "svc" authenticates as this unbound key; anything else is UNAUTHORIZED.</summary>
    public ApiKey Caller { get; } = new()
    {
        Id = Guid.CreateVersion7(),
        Name = "downstream",
        Prefix = "svc00000",
        KeyHash = "h:svc",
        CreatedAt = Fakes.Start.AddDays(-1),
    };

    public ApiKeyFakes()
    {
        Keys.AddWithinCapAsync(default!, default, default, default).ReturnsForAnyArgs(true);
        ServiceKeys.ExecuteAsync(default, default).ReturnsForAnyArgs(new Error(ErrorCode.Unauthorized, "no"));
        ServiceKeys.ExecuteAsync("svc", Arg.Any<CancellationToken>()).Returns(Caller);
        Keys.FindByPrefixAsync(default!, default).ReturnsForAnyArgs([]);
        Plans.ListPlansAsync(default).ReturnsForAnyArgs(
        [
            new Plan(PlanCodes.Anonym, "Anonymous", 1),
            new Plan(PlanCodes.Free, "Free", 50),
            new Plan(PlanCodes.Pro, "Pro", 1000),
            new Plan(PlanCodes.Enterprise, "Enterprise", null),
        ]);
        Plans.ListServicesAsync(default).ReturnsForAnyArgs([new Service("api", "Public API"), new Service("search", "Search")]);
    }

    public static CurrentPrincipal PrincipalOf(User user) =>
        new(user.Id, Guid.CreateVersion7(), user.Email, user.Roles, user.Plan, "openid", Fakes.Start.AddMinutes(15));

    public CreateApiKey CreateApiKey() => new(
        new CreateApiKeyCommandValidator(Core.Clock), Keys, new ApiKeyIssuer(Core.Secrets, Core.Hasher, Core.Ids, Core.Clock), Core.Auditor, Core.Uow);

    public ApiKeyVerifier Verifier() => new(Keys, Core.Hasher, Core.Uow, Core.Clock);

    public AuthenticateApiKey AuthenticateApiKey() => new(Verifier(), Core.Users);

    public Introspect Introspect() => new(
        new IntrospectCommandValidator(), ServiceKeys, Tally, AccessTokens, AuthenticateApiKey(), Core.Users, Plans, Counters, Core.Clock);

    public User Known(User user)
    {
        Core.Users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        return user;
    }

    /// <summary>A stored key whose plaintext is returned; the fake hasher stores "h:" + plaintext.</summary>
    public (ApiKey Key, string Plaintext) StoredKey(User owner, Action<ApiKey>? change = null, DateTimeOffset? expiresAt = null)
    {
        var prefix = "abcd" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plaintext = $"ask_{prefix}_{new string('x', 43)}";
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            UserId = owner.Id,
            Name = "ci",
            Prefix = prefix,
            KeyHash = "h:" + plaintext,
            Scopes = ["read", "write"],
            CreatedAt = Fakes.Start.AddDays(-1),
            ExpiresAt = expiresAt,
        };
        change?.Invoke(key);
        Keys.FindByPrefixAsync(prefix, Arg.Any<CancellationToken>()).Returns([key]);
        return (key, plaintext);
    }
}

using AuthService.Application.Plans;
using AuthService.Application.Tests.Core;
using AuthService.Domain.Plans;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.ApiKeys;

public sealed class IntrospectTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private readonly ApiKeyFakes _f = new();

    private Task<Result<Introspection>> Run(string? token, string? service = null, bool consume = false) =>
        _f.Introspect().ExecuteAsync(new IntrospectCommand("svc", token, service, consume), CancellationToken.None);

    private CurrentPrincipal ValidAccessToken(User user, string token = "jwt")
    {
        var principal = new CurrentPrincipal(
            user.Id, Guid.CreateVersion7(), user.Email, [Role.User], PlanCodes.Free, "openid email", Fakes.Start.AddMinutes(15));
        _f.AccessTokens.ExecuteAsync(token, Arg.Any<CancellationToken>()).Returns(principal);
        return principal;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ssk_wrong")]
    public async Task WithoutAValidServiceKey_IsUnauthorized_BeforeAnythingElse(string? serviceKey)
    {
        var result = await _f.Introspect().ExecuteAsync(new IntrospectCommand(serviceKey, null, "nope", true), CancellationToken.None);

        Assert.Equal(ErrorCode.Unauthorized, result.Error!.Code);
        Assert.Empty(_f.Tally.Drain());
        await _f.AccessTokens.DidNotReceiveWithAnyArgs().ExecuteAsync(default!, default);
    }

    [Fact]
    public async Task KeyBoundToAService_MayNotMeterAnother()
    {
        var bound = new Domain.ApiKeys.ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = "cv",
            Service = "api",
            Prefix = "svc00001",
            KeyHash = "h:bound",
            CreatedAt = Fakes.Start,
        };
        _f.ServiceKeys.ExecuteAsync("bound", Arg.Any<CancellationToken>()).Returns(bound);

        var result = await _f.Introspect().ExecuteAsync(new IntrospectCommand("bound", "jwt", "search", true), CancellationToken.None);

        Assert.Equal(ErrorCode.Forbidden, result.Error!.Code);
        await _f.Counters.DidNotReceiveWithAnyArgs().TryConsumeAsync(default, default!, default, default, default);
    }

    [Fact]
    public async Task Calls_AreTalliedPerServiceKey_NotAuditedOneByOne()
    {
        await Run("ask_short");
        await Run("ask_short", "api", consume: true);

        Assert.Equal([new ServiceKeys.ServiceCallCount(_f.Caller.Id, 2, 1)], _f.Tally.Drain());
        Assert.Empty(_f.Tally.Drain());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task NoToken_IsAValidationErrorOnToken(string? token) =>
        Assert.True((await Run(token)).Error!.Fields!.ContainsKey("token"));

    [Fact]
    public async Task UnknownService_IsAValidationErrorOnService()
    {
        var result = await Run("anything", "nope");

        Assert.Equal(ErrorCode.ValidationError, result.Error!.Code);
        Assert.True(result.Error.Fields!.ContainsKey("service"));
    }

    [Fact]
    public async Task ConsumeWithoutService_IsAValidationErrorOnService() =>
        Assert.True((await Run("anything", consume: true)).Error!.Fields!.ContainsKey("service"));

    [Fact]
    public async Task BadAccessToken_IsInactive_WithNothingElse()
    {
        _f.AccessTokens.ExecuteAsync("garbage", Arg.Any<CancellationToken>())
            .Returns(new Error(ErrorCode.InvalidToken, "The access token is not valid."));

        var result = await Run("garbage", "api", consume: true);

        Assert.Same(Introspection.Inactive, result.Value);
        await _f.Counters.DidNotReceiveWithAnyArgs().TryConsumeAsync(default, default!, default, default, default);
    }

    [Fact]
    public async Task AccessToken_IsActive_WithTheUsersCurrentPlanAndRoles()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Plan = PlanCodes.Pro;
        user.Roles = [Role.User, Role.Admin];
        var principal = ValidAccessToken(user);

        var result = (await Run("jwt")).Value;

        Assert.True(result.Active);
        Assert.Equal(user.Id, result.Subject);
        Assert.Equal(principal.SessionId, result.SessionId);
        Assert.Equal("openid email", result.Scope);
        Assert.Equal(PlanCodes.Pro, result.Plan);
        Assert.Equal([Role.User, Role.Admin], result.Roles);
        Assert.Equal(principal.ExpiresAt, result.ExpiresAt);
        Assert.Null(result.Quota);
    }

    [Fact]
    public async Task AccessTokenOfADisabledUser_IsInactive()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Status = UserStatus.Disabled;
        ValidAccessToken(user);

        Assert.False((await Run("jwt")).Value.Active);
    }

    [Fact]
    public async Task ApiKey_IsActive_WithoutSession_WithTheKeysScopes()
    {
        var owner = _f.Known(_f.Core.VerifiedUser());
        var (key, plaintext) = _f.StoredKey(owner, expiresAt: Fakes.Start.AddDays(7));

        var result = (await Run(plaintext)).Value;

        Assert.True(result.Active);
        Assert.Equal(owner.Id, result.Subject);
        Assert.Null(result.SessionId);
        Assert.Equal("read write", result.Scope);
        Assert.Equal(key.ExpiresAt, result.ExpiresAt);
        await _f.AccessTokens.DidNotReceiveWithAnyArgs().ExecuteAsync(default!, default);
    }

    [Fact]
    public async Task WithService_ReportsTodaysQuota_WithoutCounting()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        ValidAccessToken(user);
        _f.Counters.GetUsedAsync(user.Id, Arg.Is<IReadOnlyList<string>>(s => s.SequenceEqual(new[] { "api" })), Today, Arg.Any<CancellationToken>())
            .Returns([7L]);

        var quota = (await Run("jwt", "api")).Value.Quota!;

        Assert.Equal(new QuotaStatus("api", 7, 50, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)), quota);
        Assert.Equal(43, quota.Remaining);
        await _f.Counters.DidNotReceiveWithAnyArgs().TryConsumeAsync(default, default!, default, default, default);
    }

    [Fact]
    public async Task Consume_CountsAgainstThePlansQuota()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        ValidAccessToken(user);
        _f.Counters.TryConsumeAsync(user.Id, "search", Today, 50, Arg.Any<CancellationToken>()).Returns(new QuotaConsumption(true, 50));

        var quota = (await Run("jwt", "search", consume: true)).Value.Quota!;

        Assert.Equal(50, quota.Used);
        Assert.Equal(0, quota.Remaining);
    }

    [Fact]
    public async Task ConsumeOverQuota_IsQuotaExceeded_RetryAfterTheNextUtcMidnight()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        ValidAccessToken(user);
        _f.Counters.TryConsumeAsync(user.Id, "api", Today, 50, Arg.Any<CancellationToken>()).Returns(new QuotaConsumption(false, 50));

        var error = (await Run("jwt", "api", consume: true)).Error!;

        Assert.Equal(ErrorCode.QuotaExceeded, error.Code);
        Assert.Equal(TimeSpan.FromHours(14), error.RetryAfter); // 10:00 UTC to 00:00 UTC
    }

    [Fact]
    public async Task UnlimitedPlan_IsCountedWithANullLimit()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Plan = PlanCodes.Enterprise;
        ValidAccessToken(user);
        _f.Counters.TryConsumeAsync(user.Id, "api", Today, null, Arg.Any<CancellationToken>()).Returns(new QuotaConsumption(true, 12345));

        var quota = (await Run("jwt", "api", consume: true)).Value.Quota!;

        Assert.Null(quota.Limit);
        Assert.Null(quota.Remaining);
        Assert.Equal(12345, quota.Used);
    }

    [Fact]
    public async Task CounterStoreDown_FailsOpen()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Plan = PlanCodes.Anonym;
        ValidAccessToken(user);
        _f.Counters.TryConsumeAsync(default, default!, default, default, default).ReturnsForAnyArgs((QuotaConsumption?)null);

        var result = await Run("jwt", "api", consume: true);

        Assert.True(result.Value.Active);
        Assert.Equal(0, result.Value.Quota!.Used);
        Assert.Equal(1, result.Value.Quota.Limit);
    }
}

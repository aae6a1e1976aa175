using AuthService.Application.Plans;
using AuthService.Application.Tests.Core;
using AuthService.Domain.Plans;
using AuthService.Domain.Users;

namespace AuthService.Application.Tests.ApiKeys;

public sealed class GetUsageTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private readonly ApiKeyFakes _f = new();

    private GetUsage Sut() => new(_f.Core.Users, _f.Plans, _f.Counters, _f.Core.Clock);

    [Fact]
    public async Task OneItemPerService_WithTheCurrentPlansLimit()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Plan = PlanCodes.Pro;
        _f.Counters.GetUsedAsync(user.Id, Arg.Any<IReadOnlyList<string>>(), new DateOnly(2026, 11, 22), Arg.Any<CancellationToken>())
            .Returns([3L, 0L]);

        var usage = (await Sut().ExecuteAsync(ApiKeyFakes.PrincipalOf(user), CancellationToken.None)).Value;

        Assert.Equal(PlanCodes.Pro, usage.Plan);
        Assert.Equal([new QuotaStatus("api", 3, 1000, Midnight), new QuotaStatus("search", 0, 1000, Midnight)], usage.Items);
    }

    [Fact]
    public async Task CounterStoreDown_ReadsZero()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        _f.Counters.GetUsedAsync(default, default!, default, default).ReturnsForAnyArgs((IReadOnlyList<long>?)null);

        var usage = (await Sut().ExecuteAsync(ApiKeyFakes.PrincipalOf(user), CancellationToken.None)).Value;

        Assert.All(usage.Items, i => Assert.Equal(0, i.Used));
        Assert.All(usage.Items, i => Assert.Equal(50, i.Limit));
    }

    [Fact]
    public async Task DeletedUser_IsNotFound()
    {
        var user = _f.Known(_f.Core.VerifiedUser());
        user.Status = UserStatus.Deleted;

        Assert.Equal(ErrorCode.NotFound, (await Sut().ExecuteAsync(ApiKeyFakes.PrincipalOf(user), CancellationToken.None)).Error!.Code);
    }
}

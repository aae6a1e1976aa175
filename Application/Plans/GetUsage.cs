using AuthService.Domain.Plans;

namespace AuthService.Application.Plans;

public sealed record Usage(string Plan, IReadOnlyList<QuotaStatus> Items);

public interface IGetUsage
{
    Task<Result<Usage>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

/// <summary>
/// Today's count and limit per service. The plan is read from the user row, not the token, so a
/// plan change shows at once. With Redis down the counts read 0 (see <see cref="IQuotaCounter"/>).
/// </summary>
internal sealed class GetUsage(IUserRepository users, IPlanRepository plans, IQuotaCounter counters, TimeProvider clock) : IGetUsage
{
    public async Task<Result<Usage>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        if (await users.FindByIdAsync(principal.UserId, ct) is not { IsActive: true } user)
        {
            return Error.NotFound("User");
        }

        var now = clock.GetUtcNow();
        var services = await plans.ListServicesAsync(ct);
        var limit = Plan.DailyQuotaOf(await plans.ListPlansAsync(ct), user.Plan);
        var codes = services.Select(s => s.Code).ToList();
        var used = await counters.GetUsedAsync(user.Id, codes, QuotaWindow.Day(now), ct);
        var resetsAt = QuotaWindow.ResetsAt(now);
        var items = codes.Select((code, i) => new QuotaStatus(code, used?[i] ?? 0, limit, resetsAt)).ToList();
        return new Usage(user.Plan, items);
    }
}

namespace AuthService.Application.Plans;

/// <summary>A plan as callers see it: its daily quota per service, null for unlimited.</summary>
public sealed record PlanView(string Code, string Name, int? DailyQuota);

public interface IListPlans
{
    Task<IReadOnlyList<PlanView>> ExecuteAsync(CancellationToken ct);
}

internal sealed class ListPlans(IPlanRepository plans) : IListPlans
{
    public async Task<IReadOnlyList<PlanView>> ExecuteAsync(CancellationToken ct) =>
        [.. (await plans.ListPlansAsync(ct)).Select(p => new PlanView(p.Code, p.Name, p.DailyQuota))];
}

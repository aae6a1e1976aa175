using AuthService.Application.Plans;
using AuthService.Domain.Plans;

namespace AuthService.Adapters.Postgres.Plans;

internal sealed class PlanRepository(UnitOfWork uow, PlanCache cache, TimeProvider clock) : IPlanRepository
{
    public async Task<IReadOnlyList<Plan>> ListPlansAsync(CancellationToken ct) => (await cache.GetAsync(() => LoadAsync(ct))).Plans;

    public async Task<IReadOnlyList<Service>> ListServicesAsync(CancellationToken ct) =>
        (await cache.GetAsync(() => LoadAsync(ct))).Services;

    private async Task<PlanCache.Snapshot> LoadAsync(CancellationToken ct)
    {
        // Plans from the most to the least limited, unlimited last; services by code.
        const string PlansSql = """
            SELECT code, name, daily_quota FROM plans
            ORDER BY daily_quota ASC NULLS LAST, code
            """;
        const string ServicesSql = "SELECT code, name FROM services ORDER BY code";
        var db = await uow.EnlistAsync(ct);
        var plans = await db.Connection.QueryAsync<PlanRow>(
            new CommandDefinition(PlansSql, transaction: db.Transaction, cancellationToken: ct));
        var services = await db.Connection.QueryAsync<ServiceRow>(
            new CommandDefinition(ServicesSql, transaction: db.Transaction, cancellationToken: ct));
        return new PlanCache.Snapshot(
            [.. plans.Select(p => new Plan(p.Code, p.Name, p.DailyQuota))],
            [.. services.Select(s => new Service(s.Code, s.Name))],
            clock.GetUtcNow());
    }

    private sealed class PlanRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public int? DailyQuota { get; init; }
    }

    private sealed class ServiceRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
    }
}

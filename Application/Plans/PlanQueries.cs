using AuthService.Domain.Plans;

namespace AuthService.Application.Plans;

public interface IListPlans
{
    Task<IReadOnlyList<Plan>> ExecuteAsync(CancellationToken ct);
}

public interface IListServices
{
    Task<IReadOnlyList<Service>> ExecuteAsync(CancellationToken ct);
}

internal sealed class ListPlans(IPlanRepository plans) : IListPlans
{
    public Task<IReadOnlyList<Plan>> ExecuteAsync(CancellationToken ct) => plans.ListPlansAsync(ct);
}

internal sealed class ListServices(IPlanRepository plans) : IListServices
{
    public Task<IReadOnlyList<Service>> ExecuteAsync(CancellationToken ct) => plans.ListServicesAsync(ct);
}

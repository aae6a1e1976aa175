using AuthService.Domain.Plans;

namespace AuthService.Application.Plans;

/// <summary>
/// The plan and service tables. They change only by migration or by hand, so the adapter may
/// serve them from memory for a short while (a minute): introspection reads them on every call.
/// </summary>
public interface IPlanRepository
{
    Task<IReadOnlyList<Plan>> ListPlansAsync(CancellationToken ct);

    Task<IReadOnlyList<Service>> ListServicesAsync(CancellationToken ct);
}

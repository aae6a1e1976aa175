namespace AuthService.Application.Plans;

/// <summary>A metered service as callers see it.</summary>
public sealed record ServiceView(string Code, string Name);

public interface IListServices
{
    Task<IReadOnlyList<ServiceView>> ExecuteAsync(CancellationToken ct);
}

internal sealed class ListServices(IPlanRepository plans) : IListServices
{
    public async Task<IReadOnlyList<ServiceView>> ExecuteAsync(CancellationToken ct) =>
        [.. (await plans.ListServicesAsync(ct)).Select(s => new ServiceView(s.Code, s.Name))];
}

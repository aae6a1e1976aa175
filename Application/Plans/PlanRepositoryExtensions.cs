namespace AuthService.Application.Plans;

internal static class PlanRepositoryExtensions
{
    /// <summary>Whether <paramref name="code"/> is a service whose calls are metered (the one check of a client's <c>service</c>).</summary>
    public static async Task<bool> IsKnownServiceAsync(this IPlanRepository plans, string code, CancellationToken ct) =>
        (await plans.ListServicesAsync(ct)).Any(s => s.Code == code);
}

namespace AuthService.Domain.Plans;

/// <summary>A plan and its daily quota per service; null means unlimited.</summary>
public sealed record Plan(string Code, string Name, int? DailyQuota)
{
    /// <summary>
    /// The daily quota of the plan <paramref name="code"/>; null is unlimited. A plan added less
    /// than a minute ago may not be in a cached list yet: it gets no limit until the cache
    /// refreshes (failing open, like a counter outage), rather than an error on every call.
    /// </summary>
    public static int? DailyQuotaOf(IEnumerable<Plan> plans, string code) => plans.FirstOrDefault(p => p.Code == code)?.DailyQuota;
}

namespace AuthService.Domain.Plans;

/// <summary>A plan and its daily quota per service; null means unlimited.</summary>
public sealed record Plan(string Code, string Name, int? DailyQuota);

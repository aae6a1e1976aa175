namespace AuthService.Domain.Plans;

/// <summary>A downstream service whose calls are metered against the plan's daily quota.</summary>
public sealed record Service(string Code, string Name);

namespace AuthService.Application.Plans;

/// <summary>A user's standing on one service today; a null limit is unlimited.</summary>
public sealed record QuotaStatus(string Service, long Used, int? Limit, DateTimeOffset ResetsAt)
{
    public long? Remaining => Limit is { } limit ? Math.Max(0, limit - Used) : null;
}

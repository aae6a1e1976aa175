namespace AuthService.Domain.Plans;

/// <summary>Quotas are daily and every window resets at 00:00 UTC, for every user alike.</summary>
public static class QuotaWindow
{
    public static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static DateTimeOffset ResetsAt(DateTimeOffset now) =>
        new(Day(now).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

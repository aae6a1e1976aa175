using AuthService.Domain.Plans;

namespace AuthService.Domain.Tests;

public sealed class PlanTests
{
    [Fact]
    public void DailyQuota_IsThePlans_NullForUnlimitedOrUnknown()
    {
        Plan[] plans = [new("free", "Free", 50), new("enterprise", "Enterprise", null)];

        Assert.Equal(50, Plan.DailyQuotaOf(plans, "free"));
        Assert.Null(Plan.DailyQuotaOf(plans, "enterprise"));
        Assert.Null(Plan.DailyQuotaOf(plans, "added-a-second-ago"));
    }

    [Fact]
    public void QuotaWindow_IsTheUtcDay_ResettingAtMidnight()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.FromHours(-5)); // 04:30 UTC on the 2nd

        Assert.Equal(new DateOnly(2026, 12, 2), QuotaWindow.Day(lateEvening));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), QuotaWindow.ResetsAt(lateEvening));
    }
}

using AuthService.Domain.Outbox;

namespace AuthService.Domain.Tests;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(12, 3600)] // capped at an hour
    public void Next_DoublesTheDelay_WithJitterBetweenHalfAndAll(int attempts, int fullSeconds)
    {
        var now = Created.AddMinutes(1);
        var earliest = RetrySchedule.Next(attempts, Created, now, permanent: false, jitter: 0)!.Value;
        var latest = RetrySchedule.Next(attempts, Created, now, permanent: false, jitter: 0.999999)!.Value;

        Assert.Equal(now.AddSeconds(fullSeconds / 2.0), earliest);
        Assert.True(latest > earliest && latest <= now.AddSeconds(fullSeconds));
    }

    [Fact]
    public void Next_KeepsRetryingForADay_TheLastTryAtTheDeadline_ThenDead()
    {
        var nearTheEnd = Created + RetrySchedule.RetryFor - TimeSpan.FromMinutes(10);
        Assert.Equal(Created + RetrySchedule.RetryFor, RetrySchedule.Next(30, Created, nearTheEnd, permanent: false, jitter: 0.5));
        Assert.Null(RetrySchedule.Next(31, Created, Created + RetrySchedule.RetryFor, permanent: false, jitter: 0.5));
    }

    [Fact]
    public void Next_PermanentFailure_IsDeadAtOnce() =>
        Assert.Null(RetrySchedule.Next(1, Created, Created.AddSeconds(1), permanent: true, jitter: 0.5));
}

namespace AuthService.Application.Tests.Core;

/// <summary>A clock the test moves by hand (the BCL's FakeTimeProvider package is not available here).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

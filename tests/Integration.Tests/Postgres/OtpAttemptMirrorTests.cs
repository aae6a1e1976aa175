using AuthService.Application.Otp;
using AuthService.Domain.Otp;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>
/// OtpCode.Attempt decides a try; OtpRepository stores it with conditional statements that must
/// apply the same rule (parallel guesses race). One table of cases runs through both.
/// </summary>
public sealed class OtpAttemptMirrorTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset At = TestData.Now.AddMinutes(1);

    // Live codes: attempts used so far, consumed or not, right code or not.
    public static TheoryData<int, bool, bool> BurnCases => new()
    {
        { 0, false, false },
        { 0, false, true },
        { OtpCode.MaxAttempts - 1, false, false },
        { OtpCode.MaxAttempts - 1, false, true },
        { OtpCode.MaxAttempts, false, false },
        { OtpCode.MaxAttempts, false, true },
        { 1, true, false },
        { 1, true, true },
    };

    [Theory]
    [MemberData(nameof(BurnCases))]
    public async Task ReserveAndConsume_ApplyTheRuleOfAttempt(int attempts, bool consumed, bool right)
    {
        var code = await StoredAsync(attempts, consumed ? TestData.Now : null, TestData.Now);

        var entity = Copy(code);
        var outcome = entity.Attempt(_ => right, At);
        var burned = await OtpsAsync(r => r.TryReserveAttemptAsync(code.Id, OtpCode.MaxAttempts, CancellationToken.None));
        var accepted = burned && right && await OtpsAsync(r => r.TryConsumeAsync(code.Id, At, CancellationToken.None));

        Assert.Equal(outcome is OtpAttempt.Wrong or OtpAttempt.Accepted, burned);
        Assert.Equal(outcome is OtpAttempt.Accepted, accepted);
        var row = await OtpsAsync(r => r.FindLatestAsync(code.Purpose, code.Destination, CancellationToken.None));
        Assert.Equal((entity.Attempts, entity.ConsumedAt), (row!.Attempts, row.ConsumedAt));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public async Task Consume_RefusesAnExpiredCode_AsAttemptDoes(int minutesPastExpiry, bool accepted)
    {
        var code = await StoredAsync(0, null, TestData.Now);
        var at = code.ExpiresAt.AddMinutes(minutesPastExpiry);

        var outcome = Copy(code).Attempt(_ => true, at);
        var consumed = await OtpsAsync(r => r.TryConsumeAsync(code.Id, at, CancellationToken.None));

        Assert.Equal(accepted, outcome is OtpAttempt.Accepted);
        Assert.Equal(accepted, consumed);
    }

    private async Task<OtpCode> StoredAsync(int attempts, DateTimeOffset? consumedAt, DateTimeOffset createdAt)
    {
        var code = TestData.NewOtp(TestData.Unique("m") + "@example.com", createdAt);
        code.Attempts = attempts;
        code.ConsumedAt = consumedAt;
        await fixture.InScopeAsync(s => s.GetRequiredService<IOtpRepository>().ReplaceAsync(code, CancellationToken.None));
        return code;
    }

    private static OtpCode Copy(OtpCode code) => new()
    {
        Id = code.Id,
        Purpose = code.Purpose,
        Destination = code.Destination,
        CodeHash = code.CodeHash,
        CreatedAt = code.CreatedAt,
        ExpiresAt = code.ExpiresAt,
        Attempts = code.Attempts,
        ConsumedAt = code.ConsumedAt,
    };

    private Task<T> OtpsAsync<T>(Func<IOtpRepository, Task<T>> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<IOtpRepository>()));
}

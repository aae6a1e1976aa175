using AuthService.Application.Abstractions;
using AuthService.Application.Otp;
using AuthService.Domain.Otp;

namespace AuthService.Integration.Tests.Postgres;

public sealed class OtpRepositoryTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private Task<T> OtpsAsync<T>(Func<IOtpRepository, Task<T>> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<IOtpRepository>()));

    private Task ReplaceAsync(OtpCode code) =>
        fixture.InScopeAsync(s => s.GetRequiredService<IOtpRepository>().ReplaceAsync(code, CancellationToken.None));

    [Fact]
    public async Task Replace_VoidsOlderLiveCodes_OfTheSamePurposeAndDestinationOnly()
    {
        var destination = TestData.Unique("r") + "@example.com";
        var older = TestData.NewOtp(destination);
        var otherPurpose = TestData.NewOtp(destination, purpose: OtpPurpose.Login);
        await ReplaceAsync(older);
        await ReplaceAsync(otherPurpose);
        var newer = TestData.NewOtp(destination, TestData.Now.AddMinutes(1));

        await ReplaceAsync(newer);

        var latest = await OtpsAsync(r => r.FindLatestAsync(OtpPurpose.VerifyEmail, destination, CancellationToken.None));
        Assert.Equal(newer.Id, latest!.Id);
        Assert.Equal(newer.CodeHash, latest.CodeHash);
        Assert.Equal(OtpPurpose.VerifyEmail, latest.Purpose);
        Assert.False(await OtpsAsync(r => r.TryReserveAttemptAsync(older.Id, OtpCode.MaxAttempts, CancellationToken.None)));
        Assert.False(await OtpsAsync(r => r.TryConsumeAsync(older.Id, TestData.Now.AddMinutes(2), CancellationToken.None)));
        Assert.True(await OtpsAsync(r => r.TryConsumeAsync(otherPurpose.Id, TestData.Now.AddMinutes(2), CancellationToken.None)));
    }

    [Fact]
    public async Task ReserveAttempt_StopsAtTheLimit()
    {
        var code = TestData.NewOtp(TestData.Unique("a") + "@example.com");
        await ReplaceAsync(code);

        var results = new List<bool>();
        for (var i = 0; i < OtpCode.MaxAttempts + 2; i++)
        {
            results.Add(await OtpsAsync(r => r.TryReserveAttemptAsync(code.Id, OtpCode.MaxAttempts, CancellationToken.None)));
        }

        Assert.Equal(OtpCode.MaxAttempts, results.Count(r => r));
        Assert.False(results[^1]);
        var stored = await OtpsAsync(r => r.FindLatestAsync(code.Purpose, code.Destination, CancellationToken.None));
        Assert.True(stored!.IsExhausted);
    }

    [Fact]
    public async Task Consume_OnlyOnce_AndNeverAfterExpiry()
    {
        var code = TestData.NewOtp(TestData.Unique("c") + "@example.com");
        var expired = TestData.NewOtp(TestData.Unique("c") + "@example.com");
        await ReplaceAsync(code);
        await ReplaceAsync(expired);

        Assert.True(await OtpsAsync(r => r.TryConsumeAsync(code.Id, TestData.Now.AddMinutes(1), CancellationToken.None)));
        Assert.False(await OtpsAsync(r => r.TryConsumeAsync(code.Id, TestData.Now.AddMinutes(1), CancellationToken.None)));
        Assert.False(await OtpsAsync(r => r.TryReserveAttemptAsync(code.Id, OtpCode.MaxAttempts, CancellationToken.None)));
        Assert.False(await OtpsAsync(r => r.TryConsumeAsync(expired.Id, expired.ExpiresAt.AddSeconds(1), CancellationToken.None)));
        var consumed = await OtpsAsync(r => r.FindLatestAsync(code.Purpose, code.Destination, CancellationToken.None));
        Assert.Equal(TestData.Now.AddMinutes(1), consumed!.ConsumedAt);
    }

    [Fact]
    public async Task DeleteExpired_RemovesOnlyExpiredCodes()
    {
        var old = TestData.NewOtp(TestData.Unique("e") + "@example.com", TestData.Now.AddHours(-1));
        var live = TestData.NewOtp(TestData.Unique("e") + "@example.com");
        await ReplaceAsync(old);
        await ReplaceAsync(live);

        var deleted = await OtpsAsync(r => r.DeleteExpiredAsync(TestData.Now, CancellationToken.None));

        Assert.True(deleted >= 1);
        Assert.Null(await OtpsAsync(r => r.FindLatestAsync(old.Purpose, old.Destination, CancellationToken.None)));
        Assert.NotNull(await OtpsAsync(r => r.FindLatestAsync(live.Purpose, live.Destination, CancellationToken.None)));
    }
}

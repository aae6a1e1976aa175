using AuthService.Adapters.Postgres.Pruning;
using AuthService.Integration.Tests.Adapters;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace AuthService.Integration.Tests.Takeover;

/// <summary>The service on a clock the test moves.</summary>
public sealed class ClockedApp : AuthServiceApp
{
    internal ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Sequence 8: a victim who comes back a day after a thief rotated their refresh token.</summary>
public sealed class ReuseDetectionTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task Seq8_ReplayOfATokenTheThiefRotated_25HoursAndAPruneLater_RevokesTheSession()
    {
        var victims = (await _api.LoginAsync(await _api.RegisterVerifiedAsync())).GetProperty("refresh_token").GetString()!;
        var thiefs = (await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = victims }), 200))
            .GetProperty("refresh_token").GetString()!;

        app.Clock.Now += TimeSpan.FromHours(25);
        Assert.True(await app.Services.GetRequiredService<Pruner>().PruneAsync(app.Clock.Now, CancellationToken.None));

        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = victims }), 401, "TOKEN_REUSED");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = thiefs }), 401, "SESSION_REVOKED");
    }
}

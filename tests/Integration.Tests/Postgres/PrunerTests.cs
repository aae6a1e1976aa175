using AuthService.Adapters.Postgres.Pruning;
using AuthService.Application.Abstractions;
using AuthService.Application.Otp;
using AuthService.Domain.Sessions;
using Dapper;

namespace AuthService.Integration.Tests.Postgres;

public sealed class PrunerTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Prune_RemovesExpiredCodesAndLongEndedSessions_KeepsTheRestWithEveryRotatedToken()
    {
        var now = TestData.Now;
        var user = TestData.NewUser(TestData.Unique("p") + "@example.com");
        var live = TestData.NewSession(user.Id, now.AddDays(-1));
        var expiredLongAgo = TestData.NewSession(user.Id, now.AddDays(-90));
        var revokedLongAgo = TestData.NewSession(user.Id, now.AddDays(-40));
        var revokedRecently = TestData.NewSession(user.Id, now.AddDays(-5));
        var expiredCode = TestData.NewOtp(TestData.Unique("p") + "@example.com", now.AddHours(-1));
        var liveCode = TestData.NewOtp(TestData.Unique("p") + "@example.com", now);
        await fixture.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IUserRepository>().AddAsync(user, CancellationToken.None);
            var sessions = s.GetRequiredService<ISessionRepository>();
            foreach (var session in new[] { live, expiredLongAgo, revokedLongAgo, revokedRecently })
            {
                await sessions.CreateAsync(session, "t-" + session.Id, CancellationToken.None);
            }

            // Two rotations of the live session: one two days ago, one a minute ago.
            await sessions.RotateRefreshTokenAsync("t-" + live.Id, "t2-" + live.Id, now.AddDays(-2), now.AddDays(28), CancellationToken.None);
            await sessions.RotateRefreshTokenAsync("t2-" + live.Id, "t3-" + live.Id, now.AddMinutes(-1), now.AddDays(30), CancellationToken.None);
            await sessions.RevokeAsync(revokedLongAgo.Id, user.Id, RevocationReason.Logout, now.AddDays(-31), CancellationToken.None);
            await sessions.RevokeAsync(revokedRecently.Id, user.Id, RevocationReason.Logout, now.AddDays(-1), CancellationToken.None);
            var otps = s.GetRequiredService<IOtpRepository>();
            await otps.ReplaceAsync(expiredCode, CancellationToken.None);
            await otps.ReplaceAsync(liveCode, CancellationToken.None);
        });

        Assert.True(await fixture.Services.GetRequiredService<Pruner>().PruneAsync(now, CancellationToken.None));

        await fixture.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<ISessionRepository>();
            Assert.NotNull(await sessions.FindAsync(live.Id, CancellationToken.None));
            Assert.NotNull(await sessions.FindAsync(revokedRecently.Id, CancellationToken.None));
            Assert.Null(await sessions.FindAsync(expiredLongAgo.Id, CancellationToken.None));
            Assert.Null(await sessions.FindAsync(revokedLongAgo.Id, CancellationToken.None));
            Assert.NotNull(await sessions.FindRefreshTokenAsync("t-" + live.Id, CancellationToken.None));
            Assert.NotNull(await sessions.FindRefreshTokenAsync("t2-" + live.Id, CancellationToken.None));
            Assert.True(await sessions.IsCurrentRefreshTokenAsync(live.Id, "t3-" + live.Id, CancellationToken.None));
            var otps = s.GetRequiredService<IOtpRepository>();
            Assert.Null(await otps.FindLatestAsync(expiredCode.Purpose, expiredCode.Destination, CancellationToken.None));
            Assert.NotNull(await otps.FindLatestAsync(liveCode.Purpose, liveCode.Destination, CancellationToken.None));
        });
    }

    [Fact]
    public async Task Prune_DeletesSentAndDeadOutboxRowsPastRetention_NeverPendingOnes()
    {
        var now = DateTimeOffset.UtcNow;
        var tag = TestData.Unique("ob");
        await using (var connection = new NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox_messages (id, channel, recipient, status, next_attempt_at, created_at, finished_at)
                SELECT gen_random_uuid(), 'email', @tag || '-' || v.name, v.status, @now, @now - v.age, CASE WHEN v.status <> 'pending' THEN @now - v.age END
                FROM (VALUES ('sent-old', 'sent', interval '8 days'), ('dead-old', 'dead', interval '8 days'),
                             ('sent-new', 'sent', interval '1 day'), ('pending-old', 'pending', interval '8 days')) AS v (name, status, age)
                """,
                new { tag, now });
        }

        Assert.True(await fixture.Services.GetRequiredService<Pruner>().PruneAsync(now, CancellationToken.None));

        await using var check = new NpgsqlConnection(fixture.ConnectionString);
        var left = (await check.QueryAsync<string>(
            "SELECT recipient FROM outbox_messages WHERE recipient LIKE @like ORDER BY recipient", new { like = tag + "-%" })).ToList();
        Assert.Equal([tag + "-pending-old", tag + "-sent-new"], left);
    }

    [Fact]
    public async Task Probe_ReachableDatabase_IsReady()
    {
        var probe = fixture.Services.GetServices<IDependencyProbe>().Single(p => p.Name == "postgres");

        Assert.True(await probe.IsReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Probe_UnreachableDatabase_IsNotReady()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        await using var services = PostgresFixture.BuildServices("postgresql://nobody@127.0.0.1:1/none");
        var probe = services.GetServices<IDependencyProbe>().Single(p => p.Name == "postgres");

        Assert.False(await probe.IsReadyAsync(CancellationToken.None));
    }
}

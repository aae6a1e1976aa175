using AuthService.Application.Abstractions;
using AuthService.Domain.Sessions;

namespace AuthService.Integration.Tests.Postgres;

public sealed class SessionRepositoryTests(PostgresFixture fixture) : StoredSessions(fixture), IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Later = TestData.Now.AddMinutes(20);

    [Fact]
    public async Task Rotate_CurrentToken_MakesTheSuccessorCurrentAndSlidesExpiry()
    {
        var user = await NewUserAsync();
        var (session, token) = await NewSessionAsync(user.Id);

        var rotated = await SessionsAsync(r => r.RotateRefreshTokenAsync(token, "succ-" + token, Later, Later.AddDays(30), CancellationToken.None));

        Assert.NotNull(rotated);
        Assert.Equal((session.Id, Later, Later.AddDays(30)), (rotated.Session.Id, rotated.Session.LastUsedAt, rotated.Session.ExpiresAt));
        Assert.Equal(AuthMethods.Password, rotated.Session.AuthMethod);
        Assert.Equal((user.Id, user.Email), (rotated.User.Id, rotated.User.Email));
        Assert.Equal(user.Roles, rotated.User.Roles);
        Assert.True(await SessionsAsync(r => r.IsCurrentRefreshTokenAsync(session.Id, "succ-" + token, CancellationToken.None)));
        Assert.False(await SessionsAsync(r => r.IsCurrentRefreshTokenAsync(session.Id, token, CancellationToken.None)));
        var old = await SessionsAsync(r => r.FindRefreshTokenAsync(token, CancellationToken.None));
        Assert.Equal(new RefreshTokenRecord(session.Id, Later), old);
    }

    [Fact]
    public async Task Rotate_AlreadyRotatedToken_ReturnsNull()
    {
        var user = await NewUserAsync();
        var (_, token) = await NewSessionAsync(user.Id);
        await SessionsAsync(r => r.RotateRefreshTokenAsync(token, "a-" + token, Later, Later.AddDays(30), CancellationToken.None));

        var again = await SessionsAsync(r => r.RotateRefreshTokenAsync(token, "b-" + token, Later, Later.AddDays(30), CancellationToken.None));

        Assert.Null(again);
        Assert.Null(await SessionsAsync(r => r.FindRefreshTokenAsync("b-" + token, CancellationToken.None)));
    }

    [Fact]
    public async Task Rotate_RevokedSession_ChangesNothing()
    {
        var user = await NewUserAsync();
        var (session, token) = await NewSessionAsync(user.Id);
        await SessionsAsync(r => r.RevokeAsync(session.Id, user.Id, RevocationReason.Logout, TestData.Now.AddMinutes(1), CancellationToken.None));

        var rotated = await SessionsAsync(r => r.RotateRefreshTokenAsync(token, "succ-" + token, Later, Later.AddDays(30), CancellationToken.None));

        Assert.Null(rotated);
        Assert.True(await SessionsAsync(r => r.IsCurrentRefreshTokenAsync(session.Id, token, CancellationToken.None)));
        Assert.Null(await SessionsAsync(r => r.FindRefreshTokenAsync("succ-" + token, CancellationToken.None)));
        var stored = await SessionsAsync(r => r.FindAsync(session.Id, CancellationToken.None));
        Assert.Equal((session.LastUsedAt, session.ExpiresAt), (stored!.LastUsedAt, stored.ExpiresAt));
        Assert.Equal(RevocationReason.Logout, stored.RevokedReason);
    }

    [Fact]
    public async Task Rotate_ExpiredSession_ReturnsNull()
    {
        var user = await NewUserAsync();
        var (session, token) = await NewSessionAsync(user.Id);

        var rotated = await SessionsAsync(r => r.RotateRefreshTokenAsync(
            token, "succ-" + token, session.ExpiresAt.AddSeconds(1), session.ExpiresAt.AddDays(30), CancellationToken.None));

        Assert.Null(rotated);
        Assert.True(await SessionsAsync(r => r.IsCurrentRefreshTokenAsync(session.Id, token, CancellationToken.None)));
    }

    [Fact]
    public async Task RevokeAll_ExceptCurrent_RevokesTheOthersAndReturnsTheirIds()
    {
        var user = await NewUserAsync();
        var (current, _) = await NewSessionAsync(user.Id);
        var (other1, _) = await NewSessionAsync(user.Id);
        var (other2, _) = await NewSessionAsync(user.Id);
        var (alreadyRevoked, _) = await NewSessionAsync(user.Id);
        var stranger = await NewUserAsync();
        var (strangers, _) = await NewSessionAsync(stranger.Id);
        await SessionsAsync(r => r.RevokeAsync(alreadyRevoked.Id, user.Id, RevocationReason.Logout, TestData.Now, CancellationToken.None));

        var revoked = await SessionsAsync(r => r.RevokeAllForUserAsync(
            user.Id, current.Id, RevocationReason.UserRevoked, TestData.Now.AddMinutes(1), CancellationToken.None));

        Assert.Equal(new[] { other1.Id, other2.Id }.Order(), revoked.Order());
        Assert.True(await SessionsAsync(r => r.IsActiveAsync(current.Id, TestData.Now.AddMinutes(2), CancellationToken.None)));
        Assert.False(await SessionsAsync(r => r.IsActiveAsync(other1.Id, TestData.Now.AddMinutes(2), CancellationToken.None)));
        Assert.True(await SessionsAsync(r => r.IsActiveAsync(strangers.Id, TestData.Now.AddMinutes(2), CancellationToken.None)));
        var active = await SessionsAsync(r => r.ListActiveForUserAsync(user.Id, TestData.Now.AddMinutes(2), CancellationToken.None));
        Assert.Equal([current.Id], active.Select(s => s.Id));
    }

    [Fact]
    public async Task RevokeAll_WithoutException_RevokesEverySession()
    {
        var user = await NewUserAsync();
        var (first, _) = await NewSessionAsync(user.Id);
        var (second, _) = await NewSessionAsync(user.Id);

        var revoked = await SessionsAsync(r => r.RevokeAllForUserAsync(
            user.Id, null, RevocationReason.PasswordReset, TestData.Now.AddMinutes(1), CancellationToken.None));

        Assert.Equal(new[] { first.Id, second.Id }.Order(), revoked.Order());
        Assert.Empty(await SessionsAsync(r => r.ListActiveForUserAsync(user.Id, TestData.Now.AddMinutes(2), CancellationToken.None)));
    }

    [Fact]
    public async Task Revoke_SomeoneElsesSession_ReturnsFalse()
    {
        var owner = await NewUserAsync();
        var intruder = await NewUserAsync();
        var (session, _) = await NewSessionAsync(owner.Id);

        Assert.False(await SessionsAsync(r => r.RevokeAsync(session.Id, intruder.Id, RevocationReason.UserRevoked, TestData.Now, CancellationToken.None)));
        Assert.True(await SessionsAsync(r => r.RevokeAsync(session.Id, owner.Id, RevocationReason.UserRevoked, TestData.Now, CancellationToken.None)));
        Assert.False(await SessionsAsync(r => r.RevokeAsync(session.Id, owner.Id, RevocationReason.UserRevoked, TestData.Now, CancellationToken.None)));
    }

    [Fact]
    public async Task Rotate_BeforeAnyOtherWrite_IsCommittedByItself()
    {
        var user = await NewUserAsync();
        var (session, token) = await NewSessionAsync(user.Id);

        // The scope is disposed without CommitAsync: a rotation that needed it would roll back.
        await using (var scope = Fixture.NewScope())
        {
            var rotated = await scope.ServiceProvider.GetRequiredService<ISessionRepository>()
                .RotateRefreshTokenAsync(token, "succ-" + token, Later, Later.AddDays(30), CancellationToken.None);
            Assert.NotNull(rotated);
        }

        Assert.True(await SessionsAsync(r => r.IsCurrentRefreshTokenAsync(session.Id, "succ-" + token, CancellationToken.None)));
    }

    [Fact]
    public async Task ListRevokedSince_HasTheSessionsRevokedAfterIt()
    {
        var user = await NewUserAsync();
        var (revoked, _) = await NewSessionAsync(user.Id);
        var (active, _) = await NewSessionAsync(user.Id);
        await SessionsAsync(r => r.RevokeAsync(revoked.Id, user.Id, RevocationReason.UserRevoked, TestData.Now, CancellationToken.None));

        var recent = await SessionsAsync(r => r.ListRevokedSinceAsync(TestData.Now.AddSeconds(-1), CancellationToken.None));
        var later = await SessionsAsync(r => r.ListRevokedSinceAsync(TestData.Now, CancellationToken.None));

        Assert.Contains(revoked.Id, recent);
        Assert.DoesNotContain(active.Id, recent);
        Assert.DoesNotContain(revoked.Id, later);
    }

    [Fact]
    public async Task ListActive_IsNewestFirst_AndSkipsExpired()
    {
        var user = await NewUserAsync();
        var (old, _) = await NewSessionAsync(user.Id, TestData.Now.AddDays(-40));
        var (earlier, _) = await NewSessionAsync(user.Id, TestData.Now.AddHours(-2));
        var (newest, _) = await NewSessionAsync(user.Id, TestData.Now.AddHours(-1));

        var active = await SessionsAsync(r => r.ListActiveForUserAsync(user.Id, TestData.Now, CancellationToken.None));

        Assert.Equal([newest.Id, earlier.Id], active.Select(s => s.Id));
        Assert.DoesNotContain(old.Id, active.Select(s => s.Id));
        Assert.Equal(("203.0.113.7", "tests"), (active[0].Ip, active[0].UserAgent));
    }
}

using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>
/// Refresh rotation and revocation race, so SessionRepository keeps them in single conditional
/// statements that mirror <see cref="Session.Refresh"/> and <see cref="Session.Revoke"/>: the same
/// table of cases runs through the entity and through the statement against PostgreSQL.
/// </summary>
public sealed class SessionRulesMirrorTests(PostgresFixture fixture) : StoredSessions(fixture), IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Now = TestData.Now.AddMinutes(10);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public enum State
    {
        Active,
        Revoked,
        Expired,
    }

    /// <summary>Session state, how long ago the presented token was rotated (null: it is current), what the rule says.</summary>
    public static TheoryData<State, int?, string> RefreshCases => new()
    {
        { State.Active, null, nameof(RefreshStep.Rotate) },
        { State.Active, 5, nameof(RefreshStep.ReplayWithinGrace) },
        { State.Active, 60, nameof(RefreshStep.Reuse) },
        { State.Revoked, null, nameof(ErrorCode.SessionRevoked) },
        { State.Revoked, 5, nameof(ErrorCode.SessionRevoked) },
        { State.Revoked, 60, nameof(ErrorCode.SessionRevoked) },
        { State.Expired, null, nameof(ErrorCode.TokenExpired) },
        { State.Expired, 5, nameof(ErrorCode.TokenExpired) },
        { State.Expired, 60, nameof(ErrorCode.TokenExpired) },
    };

    [Theory]
    [MemberData(nameof(RefreshCases))]
    public async Task Refresh_StatementRotatesExactlyWhenTheEntitySaysRotate(State state, int? rotatedSecondsAgo, string expected)
    {
        var (session, token) = await ArrangeAsync(state, rotatedSecondsAgo);
        var record = await SessionsAsync(r => r.FindRefreshTokenAsync(token, CancellationToken.None));

        var step = session.Refresh(record!.RotatedAt, Now, Grace);
        var rotated = await SessionsAsync(r => r.RotateRefreshTokenAsync(token, "succ-" + token, Now, Now.AddDays(30), CancellationToken.None));

        Assert.Equal(expected, step.IsSuccess ? step.Value.ToString() : step.Error!.Code.ToString());
        Assert.Equal(step is { IsSuccess: true, Value: RefreshStep.Rotate }, rotated is not null);
        if (rotated is not null)
        {
            Assert.Equal((session.Id, Now, Now.AddDays(30)), (rotated.Session.Id, rotated.Session.LastUsedAt, rotated.Session.ExpiresAt));
        }
        else
        {
            Assert.Equal(record, await SessionsAsync(r => r.FindRefreshTokenAsync(token, CancellationToken.None)));
        }
    }

    [Theory]
    [InlineData(State.Active, true)]
    [InlineData(State.Revoked, false)]
    [InlineData(State.Expired, false)]
    public async Task Revoke_StatementAndEntity_EndTheSameSessions(State state, bool ends)
    {
        var (session, _) = await ArrangeAsync(state, null);

        var entity = session.Revoke(RevocationReason.UserRevoked, Now);
        var statement = await SessionsAsync(r => r.RevokeAsync(session.Id, session.UserId, RevocationReason.UserRevoked, Now, CancellationToken.None));

        Assert.Equal((ends, ends), (entity, statement));
        await AssertStoredAsIsAsync(session);
    }

    [Fact]
    public async Task RevokeAll_StatementAndEntity_EndTheSameSessions()
    {
        var user = await NewUserAsync();
        List<Session> sessions = [];
        foreach (var state in Enum.GetValues<State>())
        {
            sessions.Add((await ArrangeAsync(state, null, user.Id)).Session);
        }

        var ended = sessions.Where(s => s.Revoke(RevocationReason.PasswordReset, Now)).Select(s => s.Id).ToList();
        var revoked = await SessionsAsync(r => r.RevokeAllForUserAsync(user.Id, null, RevocationReason.PasswordReset, Now, CancellationToken.None));

        Assert.Equal(ended.Order(), revoked.Order());
        foreach (var session in sessions)
        {
            await AssertStoredAsIsAsync(session);
        }
    }

    /// <summary>A stored session in <paramref name="state"/> at <see cref="Now"/>, as read back, and a token of it.</summary>
    private async Task<(Session Session, string Token)> ArrangeAsync(State state, int? rotatedSecondsAgo, Guid? userId = null)
    {
        var owner = userId ?? (await NewUserAsync()).Id;
        var expiresAt = state == State.Expired ? Now.AddSeconds(-2) : TestData.Now.AddDays(30);
        var (session, token) = await StoreAsync(new Session
        {
            Id = Guid.CreateVersion7(),
            UserId = owner,
            AuthMethod = AuthMethods.Password,
            CreatedAt = TestData.Now,
            LastUsedAt = TestData.Now,
            ExpiresAt = expiresAt,
        });
        if (rotatedSecondsAgo is { } ago)
        {
            var at = Now.AddSeconds(-ago);
            Assert.NotNull(await SessionsAsync(r => r.RotateRefreshTokenAsync(token, "next-" + token, at, expiresAt, CancellationToken.None)));
        }

        if (state == State.Revoked)
        {
            Assert.True(await SessionsAsync(r => r.RevokeAsync(session.Id, owner, RevocationReason.Logout, Now.AddSeconds(-1), CancellationToken.None)));
        }

        return ((await SessionsAsync(r => r.FindAsync(session.Id, CancellationToken.None)))!, token);
    }

    private async Task AssertStoredAsIsAsync(Session session)
    {
        var row = await SessionsAsync(r => r.FindAsync(session.Id, CancellationToken.None));
        Assert.Equal((session.RevokedAt, session.RevokedReason, session.ExpiresAt), (row!.RevokedAt, row.RevokedReason, row.ExpiresAt));
    }
}

using AuthService.Application.Invites;
using AuthService.Domain.Invites;
using Dapper;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>
/// Invite.Use and Invite.Revoke decide; InviteRepository's conditional statements apply the same
/// rules again for races. Each case here runs through both, so the two cannot drift apart.
/// </summary>
public sealed class InviteRuleTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Now = TestData.Now;

    public enum State
    {
        Pending,
        Used,
        Revoked,
        Expired,
        ExpiresNow,
    }

    /// <summary>State, the address it is bound to, the address registering, whether it is used up.</summary>
    public static TheoryData<State, string?, string?, bool> UseCases => new()
    {
        { State.Pending, null, "ada@example.test", true },
        { State.Pending, null, null, true },
        { State.Pending, "ada@example.test", "ada@example.test", true },
        { State.Pending, "ada@example.test", "bob@example.test", false },
        { State.Pending, "ada@example.test", null, false },
        { State.Used, null, "ada@example.test", false },
        { State.Revoked, null, "ada@example.test", false },
        { State.Expired, null, "ada@example.test", false },
        { State.ExpiresNow, null, "ada@example.test", false },
    };

    public static TheoryData<State, bool> RevokeCases => new()
    {
        { State.Pending, true },
        { State.Expired, true },
        { State.Used, false },
        { State.Revoked, false },
    };

    [Theory]
    [MemberData(nameof(UseCases))]
    public async Task Use_EntityAndStatement_AgreeOnEveryCase(State state, string? boundTo, string? email, bool expected)
    {
        var invite = await StoreAsync(state, boundTo);
        var userId = Guid.CreateVersion7();

        var byEntity = invite.Use(email, userId, Now);
        var byStatement = await fixture.InScopeAsync(s =>
            s.GetRequiredService<IInviteRepository>().ConsumeAsync(invite.TokenHash, email, userId, Now, CancellationToken.None));

        Assert.Equal(expected, byEntity);
        Assert.Equal(expected, byStatement == invite.Id);
    }

    [Theory]
    [MemberData(nameof(RevokeCases))]
    public async Task Revoke_EntityAndStatement_AgreeOnEveryCase(State state, bool expected)
    {
        var invite = await StoreAsync(state, null);

        var byEntity = invite.Revoke(Now);
        var byStatement = await fixture.InScopeAsync(s =>
            s.GetRequiredService<IInviteRepository>().RevokeAsync(invite.Id, Now, CancellationToken.None));

        Assert.Equal(expected, byEntity);
        Assert.Equal(expected, byStatement);
    }

    private async Task<Invite> StoreAsync(State state, string? boundTo)
    {
        var expiresAt = state switch
        {
            State.Expired => Now.AddHours(-1),
            State.ExpiresNow => Now,
            _ => Now.AddHours(1),
        };
        var invite = Invite.Restore(
            Guid.CreateVersion7(), TestData.Unique("hash"), boundTo, Now.AddHours(-2), null, expiresAt,
            state == State.Used ? Now.AddMinutes(-5) : null, state == State.Used ? Guid.CreateVersion7() : null,
            state == State.Revoked ? Now.AddMinutes(-5) : null);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.ExecuteAsync(
            """
            INSERT INTO invites (id, token_hash, email, created_at, created_by, expires_at, used_at, used_by, revoked_at)
            VALUES (@Id, @TokenHash, @Email, @CreatedAt, @CreatedBy, @ExpiresAt, @UsedAt, @UsedBy, @RevokedAt)
            """,
            new { invite.Id, invite.TokenHash, invite.Email, invite.CreatedAt, invite.CreatedBy, invite.ExpiresAt, invite.UsedAt, invite.UsedBy, invite.RevokedAt });
        return invite;
    }
}

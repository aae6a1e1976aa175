using AuthService.Application.Abstractions;
using AuthService.Application.OAuth;
using AuthService.Domain.Identities;
using AuthService.Domain.Users;
using AuthService.Integration.Tests.Postgres;
using Dapper;

namespace AuthService.Integration.Tests.OAuth;

/// <summary>
/// The unlink statement and <see cref="SignInMethods.WithoutIdentity"/> are held to the same
/// cases: the same table runs through the entity rule and through the real PostgreSQL statement.
/// </summary>
public sealed class LastWayInRuleTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(true, 1, 0, true)]
    [InlineData(false, 1, 0, false)]
    [InlineData(false, 2, 0, true)]
    [InlineData(false, 1, 1, true)]
    [InlineData(false, 1, 2, true)]
    [InlineData(true, 3, 1, true)]
    public async Task Unlink_InTheEntityAndInSql_FollowsTheSameRule(bool password, int identities, int passkeys, bool allowed)
    {
        var user = TestData.NewUser(TestData.Unique("way") + "@example.test");
        var providers = Enumerable.Range(0, identities).Select(i => "p" + i).ToList();
        await fixture.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IUserRepository>().AddAsync(user, Ct);
            foreach (var provider in providers)
            {
                Assert.True(await s.GetRequiredService<IExternalIdentityRepository>().TryAddAsync(Identity(user.Id, provider), Ct));
            }
        });
        await ArrangeAsync(user.Id, password, passkeys);

        var byEntity = new SignInMethods(password, identities, passkeys).WithoutIdentity().IsSuccess;
        var bySql = await fixture.InScopeAsync(async s =>
        {
            var repository = s.GetRequiredService<IExternalIdentityRepository>();
            await repository.ListForUserLockedAsync(user.Id, Ct);
            return await repository.DeleteAsync(user.Id, providers[0], Ct);
        });

        Assert.Equal(allowed, byEntity);
        Assert.Equal(allowed, bySql);
        var left = await fixture.InScopeAsync(s => s.GetRequiredService<IExternalIdentityRepository>().ListForUserAsync(user.Id, Ct));
        Assert.Equal(allowed ? identities - 1 : identities, left.Count);
    }

    private static ExternalIdentity Identity(Guid userId, string provider) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Provider = provider,
        Subject = TestData.Unique("sub"),
        LinkedAt = TestData.Now,
    };

    private async Task ArrangeAsync(Guid userId, bool password, int count)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        if (!password)
        {
            await connection.ExecuteAsync("UPDATE users SET password_hash = NULL WHERE id = @userId", new { userId });
        }

        for (var i = 0; i < count; i++)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO passkeys (id, user_id, credential_id, public_key, sign_count, name, created_at)
                VALUES (@id, @userId, @credentialId, @publicKey, 0, 'key', @now)
                """,
                new { id = Guid.CreateVersion7(), userId, credentialId = Guid.NewGuid().ToByteArray(), publicKey = new byte[] { 1 }, now = TestData.Now });
        }
    }
}

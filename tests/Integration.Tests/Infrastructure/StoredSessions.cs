using AuthService.Application.Abstractions;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;
using AuthService.Integration.Tests.Postgres;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>Arrange helpers for tests of the sessions table: users and sessions stored through the repositories.</summary>
public abstract class StoredSessions(PostgresFixture fixture)
{
    protected PostgresFixture Fixture => fixture;

    protected Task<T> SessionsAsync<T>(Func<ISessionRepository, Task<T>> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<ISessionRepository>()));

    protected async Task<User> NewUserAsync()
    {
        var user = TestData.NewUser(TestData.Unique("s") + "@example.com");
        await fixture.InScopeAsync(s => s.GetRequiredService<IUserRepository>().AddAsync(user, CancellationToken.None));
        return user;
    }

    protected Task<(Session Session, string Token)> NewSessionAsync(Guid userId, DateTimeOffset? createdAt = null) =>
        StoreAsync(TestData.NewSession(userId, createdAt));

    /// <summary>Stores <paramref name="session"/> as it is (revoked or expired ones too) with a new current refresh token.</summary>
    protected async Task<(Session Session, string Token)> StoreAsync(Session session)
    {
        var token = TestData.Unique("rt-");
        await SessionsAsync(async r =>
        {
            await r.CreateAsync(session, token, CancellationToken.None);
            return true;
        });
        return (session, token);
    }
}

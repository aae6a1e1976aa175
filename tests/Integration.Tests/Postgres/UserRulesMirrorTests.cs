using AuthService.Application.Abstractions;
using AuthService.Domain.Users;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>
/// Where a race keeps a User rule in one conditional statement of UserRepository, the same table
/// of cases runs through the entity method and through the statement.
/// </summary>
public sealed class UserRulesMirrorTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Later = TestData.Now.AddMinutes(5);

    public static TheoryData<bool, bool, IdentifierKind> VerifyCases => new()
    {
        { false, false, IdentifierKind.Email },
        { false, false, IdentifierKind.Phone },
        { true, false, IdentifierKind.Phone },
        { false, true, IdentifierKind.Email },
        { true, true, IdentifierKind.Email },
        { false, false, IdentifierKind.Username },
    };

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public async Task MarkVerified_StatementAndEntity_ProveTheSameContact(bool emailVerified, bool phoneVerified, IdentifierKind kind)
    {
        var user = await StoredAsync(u =>
        {
            u.EmailVerified = emailVerified;
            u.PhoneVerified = phoneVerified;
        });

        user.MarkVerified(kind, Later);
        await UsersAsync(r => r.MarkVerifiedAsync(user.Id, kind, Later, CancellationToken.None));

        var row = await FindAsync(user.Id);
        Assert.Equal((user.EmailVerified, user.PhoneVerified, user.UpdatedAt), (row.EmailVerified, row.PhoneVerified, row.UpdatedAt));
    }

    [Theory]
    [InlineData(UserStatus.Active)]
    [InlineData(UserStatus.Disabled)]
    [InlineData(UserStatus.Deleted)]
    public async Task SoftDelete_StatementAndEntity_LeaveTheSameState(UserStatus status)
    {
        var user = await StoredAsync(u =>
        {
            u.Status = status;
            u.DeletedAt = status == UserStatus.Deleted ? TestData.Now : null;
        });

        var changed = user.SoftDelete(Later);
        await UsersAsync(r => r.SoftDeleteAsync(user.Id, Later, CancellationToken.None));

        var row = await FindAsync(user.Id);
        Assert.Equal(status != UserStatus.Deleted, changed);
        Assert.Equal(
            (user.Status, user.DeletedAt, user.UpdatedAt, user.PasswordHash),
            (row.Status, row.DeletedAt, row.UpdatedAt, row.PasswordHash));
    }

    [Theory]
    [InlineData(UserStatus.Active, UserStatus.Disabled)]
    [InlineData(UserStatus.Disabled, UserStatus.Active)]
    [InlineData(UserStatus.Active, UserStatus.Deleted)]
    [InlineData(UserStatus.Deleted, UserStatus.Active)]
    [InlineData(UserStatus.Deleted, UserStatus.Disabled)]
    public async Task ChangeStatus_StatementAndEntity_LeaveTheSameState(UserStatus from, UserStatus to)
    {
        var user = await StoredAsync(u =>
        {
            u.Status = from;
            u.DeletedAt = from == UserStatus.Deleted ? TestData.Now : null;
        });

        user.ChangeStatus(to, Later);
        await UsersAsync(r => r.SetStatusAsync(user.Id, to, Later, CancellationToken.None));

        var row = await FindAsync(user.Id);
        Assert.Equal((user.Status, user.DeletedAt, user.UpdatedAt), (row.Status, row.DeletedAt, row.UpdatedAt));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task ReleaseUnprovenContacts_TakesAnEmailExactlyWhenItMayReceiveNoCode(bool emailVerified, bool phoneVerified)
    {
        var user = await StoredAsync(u =>
        {
            u.EmailVerified = emailVerified;
            u.PhoneVerified = phoneVerified;
        });

        var released = await UsersAsync(r => r.ReleaseUnprovenContactsAsync(user.Email, null, Later, CancellationToken.None));

        Assert.Equal(!user.MayReceiveAccessCode(IdentifierKind.Email), released == 1);
        Assert.Equal(released == 1 ? null : user.Email, (await FindAsync(user.Id)).Email);
    }

    private async Task<User> StoredAsync(Action<User> arrange)
    {
        var user = TestData.NewUser(TestData.Unique("m") + "@example.com", TestData.NewPhone());
        arrange(user);
        Assert.Empty(await UsersAsync(r => r.AddAsync(user, CancellationToken.None)));
        return user;
    }

    private async Task<User> FindAsync(Guid id) =>
        (await UsersAsync(r => r.FindByIdAsync(id, CancellationToken.None)))!;

    private Task<T> UsersAsync<T>(Func<IUserRepository, Task<T>> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<IUserRepository>()));

    private Task UsersAsync(Func<IUserRepository, Task> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<IUserRepository>()));
}

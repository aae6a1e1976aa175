using AuthService.Application.Abstractions;
using AuthService.Domain.Users;

namespace AuthService.Integration.Tests.Postgres;

public sealed class UserRepositoryTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private Task<IReadOnlyList<string>> AddAsync(User user) =>
        fixture.InScopeAsync(s => s.GetRequiredService<IUserRepository>().AddAsync(user, CancellationToken.None));

    private Task<T> UsersAsync<T>(Func<IUserRepository, Task<T>> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<IUserRepository>()));

    [Fact]
    public async Task Add_ThenFind_RoundTripsEveryField()
    {
        var user = TestData.NewUser(TestData.Unique("a") + "@example.com", TestData.NewPhone(), TestData.Unique("u"));
        user.Roles = ["user", "admin"];
        user.Plan = "pro";
        user.AvatarUrl = "https://example.com/a.png";

        Assert.Empty(await AddAsync(user));
        var found = await UsersAsync(r => r.FindByIdAsync(user.Id, CancellationToken.None));

        Assert.NotNull(found);
        Assert.Equal(user.Email, found.Email);
        Assert.Equal(user.Phone, found.Phone);
        Assert.Equal(user.Username, found.Username);
        Assert.Equal(user.PasswordHash, found.PasswordHash);
        Assert.Equal(["user", "admin"], found.Roles);
        Assert.Equal("pro", found.Plan);
        Assert.Equal(UserStatus.Active, found.Status);
        Assert.Equal(user.AvatarUrl, found.AvatarUrl);
        Assert.Equal(TestData.Now, found.CreatedAt);
        Assert.Null(found.DeletedAt);
    }

    [Fact]
    public async Task Add_EmailTakenInOtherCase_ReportsEmail()
    {
        var local = TestData.Unique("Case");
        await AddAsync(TestData.NewUser(local.ToLowerInvariant() + "@example.com"));

        var taken = await AddAsync(TestData.NewUser(local.ToUpperInvariant() + "@EXAMPLE.com"));

        Assert.Equal(["email"], taken);
    }

    [Fact]
    public async Task Add_PhoneTaken_ReportsPhone()
    {
        var phone = TestData.NewPhone();
        await AddAsync(TestData.NewUser(phone: phone));

        Assert.Equal(["phone"], await AddAsync(TestData.NewUser(phone: phone)));
    }

    [Fact]
    public async Task Add_UsernameTakenInOtherCase_ReportsUsername()
    {
        var name = TestData.Unique("name");
        await AddAsync(TestData.NewUser(TestData.Unique("x") + "@example.com", username: name));

        var taken = await AddAsync(TestData.NewUser(TestData.Unique("y") + "@example.com", username: name.ToUpperInvariant()));

        Assert.Equal(["username"], taken);
    }

    [Fact]
    public async Task Add_SeveralIdentifiersTaken_ReportsEachOfThem()
    {
        var first = TestData.NewUser(TestData.Unique("m") + "@example.com", TestData.NewPhone(), TestData.Unique("m"));
        await AddAsync(first);

        var taken = await AddAsync(TestData.NewUser(first.Email, first.Phone, first.Username));

        Assert.Equal(["email", "phone", "username"], taken.Order());
    }

    [Fact]
    public async Task Add_Conflict_LeavesTheTransactionUsable()
    {
        var email = TestData.Unique("t") + "@example.com";
        await AddAsync(TestData.NewUser(email));
        var other = TestData.NewUser(TestData.Unique("t") + "@example.com");

        await fixture.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<IUserRepository>();
            Assert.Equal(["email"], await users.AddAsync(TestData.NewUser(email), CancellationToken.None));
            Assert.Empty(await users.AddAsync(other, CancellationToken.None));
        });

        Assert.NotNull(await UsersAsync(r => r.FindByIdAsync(other.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task SoftDelete_FreesEveryIdentifier_AndHidesTheUserFromLookups()
    {
        var first = TestData.NewUser(TestData.Unique("d") + "@example.com", TestData.NewPhone(), TestData.Unique("d"));
        await AddAsync(first);

        await UsersAsync(async r =>
        {
            await r.SoftDeleteAsync(first.Id, TestData.Now.AddHours(1), CancellationToken.None);
            return true;
        });

        Assert.Null(await UsersAsync(r => r.FindByEmailAsync(first.Email!, CancellationToken.None)));
        Assert.Null(await UsersAsync(r => r.FindByPhoneAsync(first.Phone!, CancellationToken.None)));
        Assert.Null(await UsersAsync(r => r.FindByUsernameAsync(first.Username!, CancellationToken.None)));
        var deleted = await UsersAsync(r => r.FindByIdAsync(first.Id, CancellationToken.None));
        Assert.Equal(UserStatus.Deleted, deleted!.Status);
        Assert.Null(deleted.PasswordHash);

        var second = TestData.NewUser(first.Email!.ToUpperInvariant(), first.Phone, first.Username);
        Assert.Empty(await AddAsync(second));
        Assert.Equal(second.Id, (await UsersAsync(r => r.FindByEmailAsync(first.Email, CancellationToken.None)))!.Id);
    }

    [Fact]
    public async Task FindByEmail_IgnoresCase()
    {
        var user = TestData.NewUser(TestData.Unique("f") + "@example.com");
        await AddAsync(user);

        var found = await UsersAsync(r => r.FindByEmailAsync(user.Email!.ToUpperInvariant(), CancellationToken.None));

        Assert.Equal(user.Id, found?.Id);
    }

    [Fact]
    public async Task UpdateProfile_UsernameTaken_ReturnsFalseAndChangesNothing()
    {
        var taken = TestData.Unique("p");
        await AddAsync(TestData.NewUser(TestData.Unique("p") + "@example.com", username: taken));
        var user = TestData.NewUser(TestData.Unique("p") + "@example.com", username: TestData.Unique("p"));
        await AddAsync(user);

        user.Username = taken;
        user.Name = "Changed";
        Assert.False(await UsersAsync(r => r.UpdateProfileAsync(user, CancellationToken.None)));

        user.Username = TestData.Unique("free");
        Assert.True(await UsersAsync(r => r.UpdateProfileAsync(user, CancellationToken.None)));
        var found = await UsersAsync(r => r.FindByIdAsync(user.Id, CancellationToken.None));
        Assert.Equal((user.Username, "Changed"), (found!.Username, found.Name));
    }

    [Fact]
    public async Task Setters_UpdateVerificationStatusRolesPlanAndPassword()
    {
        var user = TestData.NewUser(TestData.Unique("s") + "@example.com", TestData.NewPhone());
        await AddAsync(user);
        var later = TestData.Now.AddMinutes(5);

        await UsersAsync(async r =>
        {
            await r.MarkVerifiedAsync(user.Id, IdentifierKind.Phone, later, CancellationToken.None);
            await r.SetStatusAsync(user.Id, UserStatus.Disabled, later, CancellationToken.None);
            await r.SetRolesAsync(user.Id, ["admin"], later, CancellationToken.None);
            await r.SetPlanAsync(user.Id, "enterprise", later, CancellationToken.None);
            await r.SetPasswordHashAsync(user.Id, "new-hash", later, CancellationToken.None);
            return true;
        });

        var found = (await UsersAsync(r => r.FindByIdAsync(user.Id, CancellationToken.None)))!;
        Assert.True(found.PhoneVerified);
        Assert.False(found.EmailVerified);
        Assert.Equal(UserStatus.Disabled, found.Status);
        Assert.Equal(["admin"], found.Roles);
        Assert.Equal("enterprise", found.Plan);
        Assert.Equal("new-hash", found.PasswordHash);
        Assert.Equal(later, found.UpdatedAt);
    }
}

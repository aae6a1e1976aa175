using AuthService.Domain.Users;

namespace AuthService.Domain.Tests;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static User NewUser() => new() { Id = Guid.CreateVersion7(), Email = "a@example.test", CreatedAt = Now, PasswordHash = "$argon2id$..." };

    [Fact]
    public void NewUser_IsActiveUnverifiedWithUserRoleAndFreePlan()
    {
        var user = NewUser();
        Assert.True(user.IsActive);
        Assert.False(user.IsVerifiedFor(IdentifierKind.Email));
        Assert.Equal([Role.User], user.Roles);
        Assert.Equal("free", user.Plan);
        Assert.False(user.IsAdmin);
    }

    [Fact]
    public void MarkVerified_Phone_DoesNotVerifyEmail()
    {
        var user = NewUser();
        user.MarkVerified(IdentifierKind.Phone, Now);
        Assert.True(user.IsVerifiedFor(IdentifierKind.Phone));
        Assert.False(user.IsVerifiedFor(IdentifierKind.Email));
        Assert.True(user.IsVerifiedFor(IdentifierKind.Username));
    }

    [Fact]
    public void ProveContact_OnAnAccountOfWhichNothingIsProven_StartsItOver()
    {
        var user = NewUser();
        user.Phone = "+15550001111";
        user.Username = "squatter";
        user.Name = "Squatter";

        Assert.True(user.MayReceiveAccessCode(IdentifierKind.Email));
        Assert.Equal(ContactProof.StartedOver, user.ProveContact(IdentifierKind.Email, Now));

        Assert.True(user.EmailVerified);
        Assert.Null(user.Phone);
        Assert.Null(user.Username);
        Assert.Null(user.Name);
        Assert.False(user.HasPassword);
        Assert.Equal(ContactProof.AlreadyProven, user.ProveContact(IdentifierKind.Email, Now));
    }

    [Fact]
    public void AnUnprovenContactOfAClaimedAccount_OpensNothing()
    {
        var user = NewUser();
        user.Phone = "+15550001111";
        user.MarkVerified(IdentifierKind.Email, Now);

        Assert.False(user.MayReceiveAccessCode(IdentifierKind.Phone));
        Assert.True(user.MayReceiveAccessCode(IdentifierKind.Email));
        Assert.False(user.MayReceiveAccessCode(IdentifierKind.Username));
        Assert.Equal(ContactProof.Refused, user.ProveContact(IdentifierKind.Phone, Now));
        Assert.True(user.HasPassword);
        Assert.Equal("+15550001111", user.Phone);
    }

    [Fact]
    public void SoftDelete_DropsThePasswordAndDeactivates()
    {
        var user = NewUser();
        user.SoftDelete(Now);
        Assert.False(user.IsActive);
        Assert.False(user.HasPassword);
        Assert.Equal(Now, user.DeletedAt);
    }
}

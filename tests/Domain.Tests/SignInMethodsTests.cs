using AuthService.Domain.Common;
using AuthService.Domain.Users;

namespace AuthService.Domain.Tests;

/// <summary>A user keeps at least one way to sign in: a password, a linked provider account or a passkey.</summary>
public sealed class SignInMethodsTests
{
    [Theory]
    [InlineData(true, 1, 0, true)]
    [InlineData(false, 1, 0, false)]
    [InlineData(false, 2, 0, true)]
    [InlineData(false, 1, 1, true)]
    [InlineData(true, 2, 3, true)]
    public void WithoutIdentity_KeepsAWayIn(bool password, int identities, int passkeys, bool allowed)
    {
        var left = new SignInMethods(password, identities, passkeys).WithoutIdentity();

        Assert.Equal(allowed, left.IsSuccess);
        if (allowed)
        {
            Assert.Equal(identities - 1, left.Value.Identities);
        }
        else
        {
            Assert.Equal(ErrorCode.LastLoginMethod, left.Error!.Code);
        }
    }

    [Theory]
    [InlineData(true, 0, 1, true)]
    [InlineData(false, 0, 1, false)]
    [InlineData(false, 0, 2, true)]
    [InlineData(false, 1, 1, true)]
    public void WithoutPasskey_KeepsAWayIn(bool password, int identities, int passkeys, bool allowed)
    {
        var left = new SignInMethods(password, identities, passkeys).WithoutPasskey();

        Assert.Equal(allowed, left.IsSuccess);
        Assert.Equal(allowed ? null : ErrorCode.LastLoginMethod, left.Error?.Code);
    }

    [Fact]
    public void AUserWithoutAPassword_HasAWayInOnlyThroughIdentitiesOrPasskeys()
    {
        var user = new User { Id = Guid.CreateVersion7(), CreatedAt = DateTimeOffset.UnixEpoch };

        Assert.False(SignInMethods.Of(user, identities: 0, passkeys: 0).Any);
        Assert.True(SignInMethods.Of(user, identities: 1, passkeys: 0).Any);
        Assert.True(SignInMethods.Of(user, identities: 0, passkeys: 1).Any);
    }
}

using AuthService.Domain.Identities;

namespace AuthService.Domain.Tests;

public sealed class ExternalIdentityTests
{
    private static ExternalIdentity Linked() => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = Guid.CreateVersion7(),
        Provider = "github",
        Subject = "42",
        Email = "ada@example.test",
        EmailVerified = true,
        LinkedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void RefreshEmail_WithTheSameAddress_ChangesNothing()
    {
        Assert.False(Linked().RefreshEmail("ada@example.test", verified: true));
    }

    [Fact]
    public void RefreshEmail_TakesTheProvidersNewAddressAndVerification()
    {
        var identity = Linked();

        Assert.True(identity.RefreshEmail("ada@new.example", verified: false));
        Assert.Equal("ada@new.example", identity.Email);
        Assert.False(identity.EmailVerified);
    }
}

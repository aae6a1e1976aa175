using AuthService.Domain.Users;

namespace AuthService.Domain.Tests;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("+14155550123", true)]
    [InlineData("+6281234567890", true)]
    [InlineData("14155550123", false)]
    [InlineData("+0123456789", false)]
    [InlineData("+1234567", false)]
    [InlineData("+1234567890123456", false)]
    [InlineData("+1 415 555 0123", false)]
    public void IsE164_AcceptsOnlyPlusAndEightToFifteenDigits(string phone, bool expected) =>
        Assert.Equal(expected, Identifiers.IsE164(phone));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("a.b+c@sub.example.co", true)]
    [InlineData("no-at-sign.example.com", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("space in@example.com", false)]
    [InlineData("nodot@localhost", false)]
    [InlineData("ctl\u0001@example.com", false)]
    public void IsEmail_RejectsObviouslyBrokenAddresses(string email, bool expected) =>
        Assert.Equal(expected, Identifiers.IsEmail(email));

    [Fact]
    public void NormalizeEmail_TrimsAndLowercases() =>
        Assert.Equal("ada@example.com", Identifiers.NormalizeEmail("  Ada@Example.COM "));

    [Theory]
    [InlineData("ada", true)]
    [InlineData("ada.lovelace_1815", true)]
    [InlineData("ab", false)]
    [InlineData("-ada", false)]
    [InlineData("ada lovelace", false)]
    public void IsUsername_FollowsThePattern(string username, bool expected) =>
        Assert.Equal(expected, Identifiers.IsUsername(username));
}

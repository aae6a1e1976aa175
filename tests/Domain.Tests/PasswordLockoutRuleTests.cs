using AuthService.Domain.Users;

namespace AuthService.Domain.Tests;

public sealed class PasswordLockoutRuleTests
{
    private static readonly PasswordLockoutRule Rule = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void TheFailureThatReachesTheLimit_StartsALock(long failures, bool locks) =>
        Assert.Equal(locks, Rule.StartsLock(failures));

    [Fact]
    public void ALimitOfZero_NeverLocks()
    {
        var off = Rule with { MaxFailures = 0 };
        Assert.False(off.Enabled);
        Assert.False(off.StartsLock(1_000));
    }
}

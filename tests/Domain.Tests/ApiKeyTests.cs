using AuthService.Domain.ApiKeys;

namespace AuthService.Domain.Tests;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static ApiKey UserKey(DateTimeOffset? expiresAt = null) =>
        ApiKey.ForUser(Guid.CreateVersion7(), Guid.CreateVersion7(), "ci", "abcd1234", "h", ["read"], Now.AddDays(-1), expiresAt);

    private static ApiKey ServiceKey(string? service = null) =>
        ApiKey.ForService(Guid.CreateVersion7(), "svc", service, null, "svc00000", "h", Now.AddDays(-1), null);

    [Fact]
    public void Kind_FollowsTheOwner_AndAServiceKeyCarriesOnlyIntrospect()
    {
        var user = UserKey();
        var service = ServiceKey();

        Assert.Equal(ApiKeyKind.User, user.Kind);
        Assert.Equal(ApiKeyKind.Service, service.Kind);
        Assert.Equal([ApiKey.IntrospectScope], service.Scopes);
        Assert.True(user.BelongsTo(user.UserId!.Value));
        Assert.False(service.BelongsTo(Guid.Empty));
    }

    [Fact]
    public void IsActive_UntilRevokedOrExpired()
    {
        var key = UserKey(expiresAt: Now.AddMinutes(1));

        Assert.True(key.IsActive(Now));
        Assert.False(key.IsActive(Now.AddMinutes(1)));
        Assert.True(key.Revoke(Now));
        Assert.False(key.IsActive(Now));
    }

    [Fact]
    public void Revoke_Once_ThenRefuses_KeepingTheFirstTime()
    {
        var key = UserKey(expiresAt: Now.AddDays(-1));

        Assert.True(key.Revoke(Now));
        Assert.False(key.Revoke(Now.AddHours(1)));
        Assert.Equal(Now, key.RevokedAt);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(30, false)]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(3600, true)]
    public void RecordUse_WritesAtMostOnceAMinute(int? lastUsedSecondsAgo, bool written)
    {
        var key = UserKey();
        if (lastUsedSecondsAgo is { } seconds)
        {
            Assert.True(key.RecordUse(Now.AddSeconds(-seconds)));
        }

        Assert.Equal(written, key.RecordUse(Now));
        Assert.Equal(written ? Now : Now.AddSeconds(-lastUsedSecondsAgo!.Value), key.LastUsedAt);
    }

    [Fact]
    public void MayMeter_ItsOwnServiceOnly_OrAnyWhenUnbound()
    {
        Assert.True(ServiceKey("ocr").MayMeter("ocr"));
        Assert.False(ServiceKey("ocr").MayMeter("cvmaker"));
        Assert.True(ServiceKey().MayMeter("cvmaker"));
    }
}

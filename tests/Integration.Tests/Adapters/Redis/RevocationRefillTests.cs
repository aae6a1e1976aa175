using AuthService.Adapters.Redis;
using AuthService.Application.Abstractions;

namespace AuthService.Integration.Tests.Adapters.Redis;

/// <summary>
/// Redis losing its data: the "complete" marker and the refill. Each test uses a logical database
/// of its own, since removing the marker would reach into every other test's state.
/// </summary>
public sealed class RevocationRefillTests
{
    [Fact]
    public async Task WithoutTheMarker_AbsentIsUnknown_UntilRestored()
    {
        var url = TestServices.RedisUrlOnDatabase(6);
        using var sp = RedisFixture.Start(url, null, ("REDIS:TIMEOUT_MS", "2000"), ("JWT:ACCESS_TOKEN_MINUTES", "2"));
        await RevocationCacheTests.WaitUntilConnectedAsync(sp);
        var cache = sp.GetRequiredService<IRevocationCache>();
        var (lost, restored, revokedMeanwhile) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        Assert.True(await RevocationCacheTests.RefillAsync(cache, []));
        await cache.MarkRevokedAsync([lost], default);

        // Redis loses its data (a restart without persistence).
        await (await RevocationCacheTests.DatabaseAsync(sp)).KeyDeleteAsync([RedisKeys.RevocationsComplete, RedisKeys.Revoked(lost)]);

        Assert.False(await cache.IsCompleteAsync(default));
        Assert.Null(await cache.IsRevokedAsync(lost, default));               // "absent" proves nothing now
        Assert.Null(await cache.IsRevokedAsync(Guid.CreateVersion7(), default));
        await cache.MarkRevokedAsync([revokedMeanwhile], default);
        Assert.True(await cache.IsRevokedAsync(revokedMeanwhile, default));   // a present entry still counts

        Assert.True(await RevocationCacheTests.RefillAsync(cache, [lost, restored]));

        Assert.True(await cache.IsCompleteAsync(default));
        Assert.True(await cache.IsRevokedAsync(lost, default));
        Assert.True(await cache.IsRevokedAsync(restored, default));
        Assert.False(await cache.IsRevokedAsync(Guid.CreateVersion7(), default));
        Assert.InRange((await RevocationCacheTests.TtlAsync(sp, RedisKeys.Revoked(restored)))!.Value, TimeSpan.FromSeconds(170), TimeSpan.FromSeconds(180));
        Assert.Null(await RevocationCacheTests.TtlAsync(sp, RedisKeys.RevocationsComplete)); // no TTL: it goes only with the data
    }

    [Fact]
    public async Task Refill_WhoseTicketWasLostWithTheData_DoesNotMarkTheCacheComplete()
    {
        using var sp = RedisFixture.Start(TestServices.RedisUrlOnDatabase(5), null, ("REDIS:TIMEOUT_MS", "2000"));
        await RevocationCacheTests.WaitUntilConnectedAsync(sp);
        var cache = sp.GetRequiredService<IRevocationCache>();
        var db = await RevocationCacheTests.DatabaseAsync(sp);
        await db.KeyDeleteAsync(RedisKeys.RevocationsComplete);

        var ticket = await cache.BeginRestoreAsync(default);
        Assert.NotNull(ticket);
        await db.KeyDeleteAsync(RedisKeys.RevocationsRestoring);   // Redis loses its data again mid-refill

        Assert.False(await cache.RestoreAsync(ticket, [Guid.CreateVersion7()], default));
        Assert.False(await cache.IsCompleteAsync(default));

        var newer = await cache.BeginRestoreAsync(default);
        Assert.False(await cache.RestoreAsync(ticket, [], default));  // superseded by a newer refill
        Assert.True(await cache.RestoreAsync(newer!, [], default));
        Assert.True(await cache.IsCompleteAsync(default));
    }
}

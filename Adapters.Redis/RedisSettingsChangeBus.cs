using AuthService.Application.SystemConfig;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Settings changes announced on one pub/sub channel (a channel, not a key: nothing is stored,
/// so no TTL applies). The message carries nothing: receivers re-read the table themselves, so
/// what travels through Redis can neither forge nor leak a setting.
/// </summary>
internal sealed class RedisSettingsChangeBus(RedisConnection connection, ILogger<RedisSettingsChangeBus> logger) : ISettingsChangeBus
{
    private static readonly RedisChannel Channel = new("auth:config:changed", RedisChannel.PatternMode.Literal);

    public async Task PublishAsync(CancellationToken ct)
    {
        var redis = await connection.GetAsync().WaitAsync(ct);
        await redis.GetSubscriber().PublishAsync(Channel, "changed").WaitAsync(ct);
    }

    public async Task<bool> SubscribeAsync(Func<Task> onChange, CancellationToken ct)
    {
        try
        {
            var redis = await connection.GetAsync().WaitAsync(ct);
            if (!redis.IsConnected)
            {
                return false;
            }

            await redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => _ = RunAsync(onChange)).WaitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not subscribe to settings changes; relying on the periodic re-read for now");
            return false;
        }
    }

    private async Task RunAsync(Func<Task> onChange)
    {
        try
        {
            await onChange();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Applying a settings change failed; the periodic re-read will retry");
        }
    }
}

using Microsoft.Extensions.Hosting;

namespace AuthService.Adapters.Redis;

/// <summary>Starts connecting when the host starts (without waiting), then re-sends failed revocations.</summary>
internal sealed class RedisBackgroundService(RedisConnection connection, RedisRevocationCache revocations, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = connection.GetAsync();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (revocations.PendingCount > 0)
            {
                await revocations.RetryPendingAsync(stoppingToken);
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Redis;

/// <summary>Starts connecting when the host starts (without waiting), then re-sends failed revocations.</summary>
internal sealed class RedisBackgroundService(
    RedisConnection connection, RedisRevocationCache revocations, TimeProvider time, ILogger<RedisBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = connection.GetAsync();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await revocations.HousekeepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed background round must not stop the host; the next tick tries again.
                logger.LogError(e, "Retrying cached revocations failed");
            }
        }
    }
}

using AuthService.Application.Admin;

namespace AuthService.Host.Jobs;

/// <summary>
/// At start, grants admin to the ADMIN__BOOTSTRAP_EMAILS accounts already verified; retried every
/// 30 s until PostgreSQL answers. Later verifications are granted as they happen.
/// </summary>
internal sealed class AdminBootstrapJob(
    IServiceScopeFactory scopes, BootstrapAdminSettings settings, TimeProvider time, ILogger<AdminBootstrapJob> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Emails.Count == 0)
        {
            return;
        }

        try
        {
            while (!await TryGrantAsync(stoppingToken))
            {
                await Task.Delay(RetryInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> TryGrantAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var granted = await scope.ServiceProvider.GetRequiredService<IBootstrapAdmins>().ExecuteAsync(ct);
            logger.LogInformation("ADMIN__BOOTSTRAP_EMAILS: granted admin to {Count} verified account(s)", granted);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Granting admin to ADMIN__BOOTSTRAP_EMAILS failed; retrying in {Seconds} s", RetryInterval.TotalSeconds);
            return false;
        }
    }
}

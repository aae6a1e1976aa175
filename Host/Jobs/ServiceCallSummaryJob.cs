using AuthService.Application.ServiceKeys;

namespace AuthService.Host.Jobs;

/// <summary>
/// Every <c>INTROSPECTION__AUDIT_SUMMARY_SECONDS</c> (60) writes one audit row per service key
/// that introspected (<see cref="ISummarizeServiceCalls"/>), and once more at shutdown.
/// </summary>
internal sealed class ServiceCallSummaryJob(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<ServiceCallSummaryJob> logger)
    : BackgroundService
{
    private DateTimeOffset _periodStart;
    private int _stopped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("INTROSPECTION:AUDIT_SUMMARY_SECONDS", 60);
        _periodStart = time.GetUtcNow();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 3600)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SummarizeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the last summary.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once only: a host may stop us again after disposing us (WebApplicationFactory does).
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await base.StopAsync(cancellationToken);
        await SummarizeAsync(cancellationToken);
    }

    private async Task SummarizeAsync(CancellationToken ct)
    {
        var start = _periodStart;
        _periodStart = time.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISummarizeServiceCalls>().ExecuteAsync(start, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // PostgreSQL down, say: these counts are lost, which a usage summary can afford.
            logger.LogWarning(e, "Writing the introspection summary to the audit log failed");
        }
    }
}

using AuthService.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Application.ServiceKeys;

/// <summary>
/// Every <c>JOBS__SERVICE_CALL_SUMMARY_SECONDS</c> (60) writes one audit row per service key that
/// introspected (<see cref="ISummarizeServiceCalls"/>), and once more at shutdown. A failed round
/// (PostgreSQL down, say) loses that period's counts, which a usage summary can afford.
/// </summary>
internal sealed class ServiceCallSummaryJob(IServiceScopeFactory scopes, JobSettings settings, TimeProvider time) : IPeriodicJob
{
    private DateTimeOffset _periodStart = time.GetUtcNow();

    public string Name => "service call summary";

    public JobSchedule Schedule => new(settings.ServiceCallSummary) { Start = JobStart.AfterInterval, FinalRoundOnStop = true };

    public async Task<JobRound> RunOnceAsync(CancellationToken ct)
    {
        var start = _periodStart;
        _periodStart = time.GetUtcNow();
        await scopes.InScopeAsync<ISummarizeServiceCalls, int>(s => s.ExecuteAsync(start, ct));
        return JobRound.Wait;
    }
}

using AuthService.Application.Jobs;

namespace AuthService.Application.Pruning;

/// <summary>Runs <see cref="IExpiredDataPruner"/> at start and then every <c>JOBS__PRUNE_INTERVAL_MINUTES</c> (10; 0 = off).</summary>
internal sealed class PruningJob(IExpiredDataPruner pruner, JobSettings settings, TimeProvider clock) : IPeriodicJob
{
    public string Name => "pruning";

    public JobSchedule Schedule => new(settings.Prune);

    public async Task<JobRound> RunOnceAsync(CancellationToken ct)
    {
        await pruner.PruneAsync(clock.GetUtcNow(), ct);
        return JobRound.Wait;
    }
}

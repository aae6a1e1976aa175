using AuthService.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Application.Sessions;

/// <summary>
/// The revocation mechanism, end to end. PostgreSQL is the truth: a revocation is committed
/// there first, then published to the shared cache (<see cref="IRevocationCache"/>, Redis) by
/// the use case that made it (<c>SessionRevoker</c>). Access-token checks ask the cache and fall
/// back to PostgreSQL whenever it cannot answer (<c>AuthenticateAccessToken</c>), so an outage
/// costs speed, never a revoked session coming back. This job, one per instance, every
/// <c>JOBS__REVOCATION_POLL_MS</c> (250 ms), keeps the cache right in one round of three steps:
/// <list type="number">
/// <item>the cache's own housekeeping: writes that failed while Redis was away are retried (the
/// instance answers "revoked" for them meanwhile), stale "not revoked" memories dropped;</item>
/// <item>refill after Redis lost its data (<see cref="IRestoreRevocationCache"/>);</item>
/// <item>republish what was revoked lately (<see cref="IRepublishRevocations"/>), so a revocation
/// whose instance died or lost Redis before publishing reaches the cache within a round of any
/// instance that reaches both stores.</item>
/// </list>
/// With the cache's "not revoked" memory (<c>REDIS__REVOCATION_RECHECK_MS</c>, 500 ms) every
/// instance sees a revocation within the contract's 1 s. A failed round (PostgreSQL down) is
/// logged and retried by the job runner; checks fall back to PostgreSQL meanwhile.
/// </summary>
internal sealed class RevocationCacheJob(IRevocationCache cache, IServiceScopeFactory scopes, JobSettings settings) : IPeriodicJob
{
    private readonly RevocationTail _tail = new();

    public string Name => "revocation cache";

    public JobSchedule Schedule => new(settings.RevocationPoll);

    public async Task<JobRound> RunOnceAsync(CancellationToken ct)
    {
        await cache.HousekeepAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IRestoreRevocationCache>().ExecuteAsync(ct);
        await scope.ServiceProvider.GetRequiredService<IRepublishRevocations>().ExecuteAsync(_tail, ct);
        return JobRound.Wait;
    }
}

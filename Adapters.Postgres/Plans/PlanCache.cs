using AuthService.Application.Plans;
using AuthService.Domain.Plans;

namespace AuthService.Adapters.Postgres.Plans;

/// <summary>
/// The plans and services tables in memory for a minute: introspection needs them on every
/// metered call, and they change only by migration or by hand. A concurrent refresh may load
/// twice; both loads are equal and the last one wins, so no lock is needed.
/// </summary>
internal sealed class PlanCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private Snapshot? _snapshot;

    public async Task<Snapshot> GetAsync(Func<Task<Snapshot>> load)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } cached && now - cached.LoadedAt < Lifetime)
        {
            return cached;
        }

        var fresh = await load();
        Volatile.Write(ref _snapshot, fresh);
        return fresh;
    }

    internal sealed record Snapshot(IReadOnlyList<Plan> Plans, IReadOnlyList<Service> Services, DateTimeOffset LoadedAt);
}

using System.Collections.Concurrent;

namespace AuthService.Application.ServiceKeys;

/// <summary>One key's introspections since the last summary.</summary>
public sealed record ServiceCallCount(Guid ServiceKeyId, long Calls, long Consumed);

/// <summary>
/// Counts introspections per service key in memory, so the audit log gets one summary row per
/// key and period instead of a row per call (a busy service makes thousands a minute). A crash
/// loses at most one period's counts: they are a usage summary, not the trail of a decision.
/// </summary>
internal sealed class ServiceCallTally
{
    private readonly ConcurrentDictionary<Guid, Counter> _counters = new();

    public void Record(Guid serviceKeyId, bool consumed)
    {
        var counter = _counters.GetOrAdd(serviceKeyId, static _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        if (consumed)
        {
            Interlocked.Increment(ref counter.Consumed);
        }
    }

    /// <summary>Takes every count recorded so far and starts again from zero.</summary>
    public IReadOnlyList<ServiceCallCount> Drain()
    {
        // Counters stay in the dictionary (one per key, and keys are few) and are swapped to zero,
        // so a call recorded concurrently counts in this summary or the next, never in none.
        var taken = new List<ServiceCallCount>();
        foreach (var (id, counter) in _counters)
        {
            var calls = Interlocked.Exchange(ref counter.Calls, 0);
            var consumed = Interlocked.Exchange(ref counter.Consumed, 0);
            if (calls > 0 || consumed > 0)
            {
                taken.Add(new ServiceCallCount(id, calls, consumed));
            }
        }

        return taken;
    }

    private sealed class Counter
    {
        public long Calls;
        public long Consumed;
    }
}

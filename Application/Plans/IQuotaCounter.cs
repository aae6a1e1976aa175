namespace AuthService.Application.Plans;

/// <summary>The outcome of one metered call: whether it was counted, and the day's count after it.</summary>
public sealed record QuotaConsumption(bool Allowed, long Used);

/// <summary>
/// Per user, service and UTC day call counters. Counters may be lost (they live in Redis): a
/// null answer means the store could not answer, and callers fail open.
/// </summary>
public interface IQuotaCounter
{
    /// <summary>
    /// Counts one call unless <paramref name="limit"/> calls were already counted that day, atomically;
    /// a refused call is not counted. A null limit means unlimited (the call is still counted).
    /// </summary>
    Task<QuotaConsumption?> TryConsumeAsync(Guid userId, string service, DateOnly day, int? limit, CancellationToken ct);

    /// <summary>The day's count for each service, in order.</summary>
    Task<IReadOnlyList<long>?> GetUsedAsync(Guid userId, IReadOnlyList<string> services, DateOnly day, CancellationToken ct);
}

namespace AuthService.Application.ServiceKeys;

public interface ISummarizeServiceCalls
{
    /// <summary>Writes one audit row per service key that introspected since the last run; returns how many.</summary>
    Task<int> ExecuteAsync(DateTimeOffset periodStart, CancellationToken ct);
}

internal sealed class SummarizeServiceCalls(ServiceCallTally tally, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : ISummarizeServiceCalls
{
    public async Task<int> ExecuteAsync(DateTimeOffset periodStart, CancellationToken ct)
    {
        var counts = tally.Drain();
        if (counts.Count == 0)
        {
            return 0;
        }

        var periodEnd = clock.GetUtcNow();
        foreach (var count in counts)
        {
            await audit.RecordAsync(ServiceKeyAuditActions.IntrospectionSummary, null, ClientInfo.None, ct,
                new Dictionary<string, object?>
                {
                    ["service_key_id"] = count.ServiceKeyId,
                    ["calls"] = count.Calls,
                    ["consumed"] = count.Consumed,
                    ["from"] = periodStart,
                    ["to"] = periodEnd,
                });
        }

        await uow.CommitAsync(ct);
        return counts.Count;
    }
}

namespace AuthService.Application.Outbox;

public interface IGetOutboxStatus
{
    /// <summary>Rows per channel and status (pending, sent, dead), with the oldest pending one.</summary>
    Task<IReadOnlyList<OutboxCounts>> ExecuteAsync(CancellationToken ct);
}

internal sealed class GetOutboxStatus(IOutboxStore store) : IGetOutboxStatus
{
    public Task<IReadOnlyList<OutboxCounts>> ExecuteAsync(CancellationToken ct) => store.CountAsync(ct);
}

namespace AuthService.Adapters.Postgres.Outbox;

/// <summary>
/// Wakes this process's dispatcher when one of its units of work committed an outbox row, so a
/// code goes out at once instead of at the next poll. Rows other instances write are found by
/// polling.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Raise()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet consumed: one wake-up covers both.
        }
    }

    public Task<bool> WaitAsync(TimeSpan max, CancellationToken ct) => _pending.WaitAsync(max, ct);

    public void Dispose() => _pending.Dispose();
}

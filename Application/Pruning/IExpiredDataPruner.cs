namespace AuthService.Application.Pruning;

/// <summary>
/// Deletes what can no longer be used: expired codes, challenges and pending sign-ins, long-ended
/// sessions with their refresh tokens, audit rows past their retention and finished outbox rows.
/// </summary>
public interface IExpiredDataPruner
{
    /// <summary>False when another instance is pruning this round (it does the work).</summary>
    Task<bool> PruneAsync(DateTimeOffset now, CancellationToken ct);
}

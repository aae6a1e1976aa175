using AuthService.Application.Common;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace AuthService.Application.Sessions;

/// <summary>
/// Publishes revocations to the shared cache after they are committed, so every instance
/// rejects the sessions' access tokens at once. A cache failure is logged, not fatal:
/// PostgreSQL stays the source of truth and is consulted whenever the cache cannot answer.
/// </summary>
internal sealed class SessionRevoker(IRevocationCache cache, ILogger<SessionRevoker> logger)
{
    public async Task PublishAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        AuthMetrics.SessionsRevoked(sessionIds.Count);
        try
        {
            await cache.MarkRevokedAsync(sessionIds, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not publish {Count} session revocation(s) to the cache", sessionIds.Count);
        }
    }
}

namespace AuthService.Application.Admin;

public interface IGetStats
{
    Task<AdminStats> ExecuteAsync(CancellationToken ct);
}

internal sealed class GetStats(IAdminDirectory directory, TimeProvider clock) : IGetStats
{
    public Task<AdminStats> ExecuteAsync(CancellationToken ct) => directory.GetStatsAsync(clock.GetUtcNow(), ct);
}

namespace AuthService.Application.Abstractions;

/// <summary>
/// One connection and one transaction per request scope. Repositories enlist in it;
/// nothing is visible to others until <see cref="CommitAsync"/>.
/// </summary>
public interface IUnitOfWork
{
    Task CommitAsync(CancellationToken ct);
}

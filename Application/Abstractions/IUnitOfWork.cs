namespace AuthService.Application.Abstractions;

/// <summary>
/// One connection and one transaction per request scope. Repositories enlist in it;
/// nothing is visible to others until <see cref="CommitAsync"/>.
/// </summary>
public interface IUnitOfWork
{
    Task CommitAsync(CancellationToken ct);

    /// <summary>
    /// Hands the connection back to the pool when no transaction is open (the next statement takes
    /// one again): called before slow work that needs no database, such as waiting for a password
    /// hash, so that a flood of such requests cannot hold every pooled connection.
    /// </summary>
    ValueTask ReleaseConnectionAsync(CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="action"/> once the next commit has succeeded (e.g. publishing a
    /// revocation that must not be announced for a change that rolled back); never on rollback.
    /// </summary>
    void AfterCommit(Func<CancellationToken, Task> action);
}

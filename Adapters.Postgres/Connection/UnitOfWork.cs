using System.Data;
using AuthService.Adapters.Postgres.Outbox;

namespace AuthService.Adapters.Postgres.Connection;

/// <summary>
/// One pooled connection and one READ COMMITTED transaction per scope, opened on first use, so
/// a request that never touches the database never takes a connection. Not thread-safe: a
/// scope's repositories are called one after another, like the connection they share.
/// </summary>
internal sealed class UnitOfWork(NpgsqlDataSource dataSource, OutboxSignal outbox) : IUnitOfWork, IAsyncDisposable, IDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private List<Func<CancellationToken, Task>>? _afterCommit;
    private bool _disposed;
    private bool _outboxWritten;

    /// <summary>The transaction holds outbox rows: wake the dispatcher once it is committed.</summary>
    public void OutboxWritten() => _outboxWritten = true;

    public async ValueTask<DbScope> EnlistAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _connection ??= await dataSource.OpenConnectionAsync(ct);

        // Npgsql sends BEGIN together with the first command: no extra round trip.
        _transaction ??= await _connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        return new DbScope(_connection, _transaction);
    }

    /// <summary>
    /// For reads. Inside a started transaction they join it (and see its writes); before any write
    /// they run on the plain connection. Under READ COMMITTED every statement takes its own
    /// snapshot either way, so nothing changes but the cost: a read-only request is one round trip
    /// instead of BEGIN … ROLLBACK. Reads that lock rows (FOR UPDATE) must use <see cref="EnlistAsync"/>.
    /// </summary>
    public async ValueTask<ReadScope> ReadAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _connection ??= await dataSource.OpenConnectionAsync(ct);
        return new ReadScope(_connection, _transaction);
    }

    /// <summary>
    /// For one statement that is a whole unit of work on its own, such as a write done in a single
    /// conditional statement: inside a started transaction it joins it; otherwise it runs in
    /// autocommit, where PostgreSQL makes the statement its own transaction and commits it in the
    /// same round trip (no BEGIN, no COMMIT).
    /// </summary>
    public ValueTask<ReadScope> StatementAsync(CancellationToken ct) => ReadAsync(ct);

    /// <summary>Commits what was done so far; later calls start a new transaction on the same connection.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_transaction is not null)
        {
            try
            {
                await _transaction.CommitAsync(ct);
            }
            finally
            {
                await _transaction.DisposeAsync();
                _transaction = null;
            }
        }

        if (_afterCommit is { } actions)
        {
            _afterCommit = null;
            foreach (var action in actions)
            {
                await action(ct);
            }
        }

        if (_outboxWritten)
        {
            _outboxWritten = false;
            outbox.Raise();
        }
    }

    public async ValueTask ReleaseConnectionAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_transaction is null && _connection is not null)
        {
            var connection = _connection;
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public void AfterCommit(Func<CancellationToken, Task> action) => (_afterCommit ??= []).Add(action);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_transaction is not null)
        {
            await RollBackQuietlyAsync(_transaction);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _transaction?.Dispose(); // rolls back when not committed
        _connection?.Dispose();
    }

    private static async Task RollBackQuietlyAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is already broken; the pool discards it and the server has
            // aborted the transaction. Throwing from dispose would hide the original error.
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }
}

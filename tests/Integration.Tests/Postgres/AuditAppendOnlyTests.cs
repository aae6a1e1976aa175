using AuthService.Adapters.Postgres.Pruning;
using AuthService.Application.Abstractions;
using AuthService.Domain.Audit;
using Dapper;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>The database itself keeps the audit log append-only; only the retention function deletes, and only old rows.</summary>
public sealed class AuditAppendOnlyTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const string InsufficientPrivilege = "42501";

    private async Task<Guid> RecordAsync(DateTimeOffset at)
    {
        var id = Guid.CreateVersion7();
        await fixture.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IAuditLog>().RecordAsync(
                new AuditEvent(id, at, AuditAction.Register, Guid.CreateVersion7(), null, null, null, null, null), CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        });
        return id;
    }

    private async Task<bool> ExistsAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM audit_events WHERE id = @id)", new { id });
    }

    [Theory]
    [InlineData("DELETE FROM audit_events WHERE id = @id")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("UPDATE audit_events SET action = 'rewritten' WHERE id = @id")]
    [InlineData("UPDATE audit_events SET at = at - interval '10 years' WHERE id = @id")]
    [InlineData("TRUNCATE audit_events")]
    public async Task PlainDeleteUpdateOrTruncate_IsRefused_ByTheDatabase(string sql)
    {
        var id = await RecordAsync(TestData.Now.AddDays(-1000));

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql, new { id }));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(id));
    }

    [Fact]
    public async Task RetentionFunction_DeletesOnlyRowsOlderThanItsCutoff_AndTheTriggerClosesAgainAfterIt()
    {
        var old = await RecordAsync(TestData.Now.AddDays(-400));
        var recent = await RecordAsync(TestData.Now.AddDays(-300));

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var deleted = await connection.ExecuteScalarAsync<long>("SELECT audit_events_prune(@before)", new { before = TestData.Now.AddDays(-365) });

        Assert.True(deleted >= 1);
        Assert.False(await ExistsAsync(old));
        Assert.True(await ExistsAsync(recent));
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM audit_events WHERE id = @recent", new { recent }));
        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task PruningJob_AppliesTheDefaultRetentionOf365Days()
    {
        var old = await RecordAsync(TestData.Now.AddDays(-366));
        var kept = await RecordAsync(TestData.Now.AddDays(-364));

        Assert.True(await fixture.Services.GetRequiredService<Pruner>().PruneAsync(TestData.Now, CancellationToken.None));

        Assert.False(await ExistsAsync(old));
        Assert.True(await ExistsAsync(kept));
    }
}

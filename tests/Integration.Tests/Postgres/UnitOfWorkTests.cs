using AuthService.Application.Abstractions;
using Dapper;

namespace AuthService.Integration.Tests.Postgres;

public sealed class UnitOfWorkTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Commit_ThenMoreWork_StartsANewTransactionThatNeedsItsOwnCommit()
    {
        var kept = TestData.NewUser(TestData.Unique("k") + "@example.com");
        var dropped = TestData.NewUser(TestData.Unique("d") + "@example.com");

        await using (var scope = fixture.NewScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<IUserRepository>();
            var uow = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await users.AddAsync(kept, CancellationToken.None);
            await uow.CommitAsync(CancellationToken.None);
            await users.AddAsync(dropped, CancellationToken.None);
        }

        await fixture.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<IUserRepository>();
            Assert.NotNull(await users.FindByIdAsync(kept.Id, CancellationToken.None));
            Assert.Null(await users.FindByIdAsync(dropped.Id, CancellationToken.None));
        });
    }

    [Fact]
    public async Task StatementUsedTwice_IsPreparedOnItsConnection()
    {
        // One pooled connection (a fresh data source), so both runs land on the same backend.
        await using var services = PostgresFixture.BuildServices(fixture.ConnectionString);
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        const string Sql = "SELECT count(*) FROM users WHERE id = @id";

        for (var i = 0; i < 2; i++)
        {
            await connection.ExecuteScalarAsync<long>(Sql, new { id = Guid.NewGuid() });
        }

        var prepared = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM users WHERE id = $1%'");
        Assert.Equal(1, prepared);
    }

    [Fact]
    public async Task Commit_WithoutAnyWork_DoesNothing()
    {
        await using var scope = fixture.NewScope();

        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Repositories_InOneScope_ShareTheUnitOfWork()
    {
        await using var scope = fixture.NewScope();

        Assert.Same(
            scope.ServiceProvider.GetRequiredService<IUnitOfWork>(),
            scope.ServiceProvider.GetRequiredService<AuthService.Adapters.Postgres.Connection.UnitOfWork>());
    }
}

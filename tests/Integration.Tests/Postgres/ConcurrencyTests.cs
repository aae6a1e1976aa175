using AuthService.Application.Abstractions;
using AuthService.Application.Otp;
using AuthService.Domain.Otp;

namespace AuthService.Integration.Tests.Postgres;

/// <summary>Races that a single conditional statement must settle. Each caller has its own unit of work (and connection).</summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class ConcurrencyTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Rotate_50ConcurrentCallsWithTheSameToken_ExactlyOneWins()
    {
        var user = TestData.NewUser(TestData.Unique("race") + "@example.com");
        var session = TestData.NewSession(user.Id);
        await fixture.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IUserRepository>().AddAsync(user, CancellationToken.None);
            await s.GetRequiredService<ISessionRepository>().CreateAsync(session, "presented", CancellationToken.None);
        });
        var now = TestData.Now.AddMinutes(15);

        // Distinct successors make a second winner visible: it would insert a second current
        // token, which the partial unique index refuses with an exception.
        var results = await RaceAsync(50, (s, i) => s.GetRequiredService<ISessionRepository>()
            .RotateRefreshTokenAsync("presented", $"successor-{i}", now, now.AddDays(30), CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 50), i => results[i] is not null);
        var current = await fixture.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<ISessionRepository>();
            var found = new List<int>();
            for (var i = 0; i < 50; i++)
            {
                if (await sessions.IsCurrentRefreshTokenAsync(session.Id, $"successor-{i}", CancellationToken.None))
                {
                    found.Add(i);
                }
            }

            return found;
        });
        Assert.Equal([winner], current);
    }

    [Fact]
    public async Task ReserveAttempt_20ParallelGuesses_NeverExceedTheLimit()
    {
        var code = TestData.NewOtp(TestData.Unique("otp") + "@example.com");
        await fixture.InScopeAsync(s => s.GetRequiredService<IOtpRepository>().ReplaceAsync(code, CancellationToken.None));

        var reserved = await RaceAsync(20, (s, _) => s.GetRequiredService<IOtpRepository>()
            .TryReserveAttemptAsync(code.Id, OtpCode.MaxAttempts, CancellationToken.None));

        Assert.Equal(OtpCode.MaxAttempts, reserved.Count(r => r));
        var stored = await fixture.InScopeAsync(s => s.GetRequiredService<IOtpRepository>()
            .FindLatestAsync(code.Purpose, code.Destination, CancellationToken.None));
        Assert.Equal(OtpCode.MaxAttempts, stored!.Attempts);
    }

    [Fact]
    public async Task Consume_20ParallelCalls_ExactlyOneWins()
    {
        var code = TestData.NewOtp(TestData.Unique("otp") + "@example.com");
        await fixture.InScopeAsync(s => s.GetRequiredService<IOtpRepository>().ReplaceAsync(code, CancellationToken.None));

        var consumed = await RaceAsync(20, (s, _) => s.GetRequiredService<IOtpRepository>()
            .TryConsumeAsync(code.Id, TestData.Now.AddMinutes(1), CancellationToken.None));

        Assert.Single(consumed, c => c);
    }

    [Fact]
    public async Task AddUser_10ParallelSignUpsWithTheSameEmail_OneSucceeds()
    {
        var email = TestData.Unique("same") + "@example.com";

        var results = await RaceAsync(10, (s, _) => s.GetRequiredService<IUserRepository>()
            .AddAsync(TestData.NewUser(email), CancellationToken.None));

        Assert.Single(results, taken => taken.Count == 0);
        Assert.All(results.Where(taken => taken.Count > 0), taken => Assert.Equal(["email"], taken));
    }

    /// <summary>
    /// Every caller first takes its connection and opens its transaction; when all are ready they
    /// act at once, and each holds its transaction a little before committing, like a request
    /// that still has tokens to issue. So the callers really overlap instead of running in turn.
    /// </summary>
    private async Task<T[]> RaceAsync<T>(int callers, Func<IServiceProvider, int, Task<T>> act)
    {
        var ready = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            await using var scope = fixture.NewScope();
            var uow = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await scope.ServiceProvider.GetRequiredService<ISessionRepository>()
                .IsActiveAsync(Guid.Empty, TestData.Now, CancellationToken.None);
            if (Interlocked.Increment(ref ready) == callers)
            {
                go.SetResult();
            }

            await go.Task;
            var result = await act(scope.ServiceProvider, i);
            await Task.Delay(100);
            await uow.CommitAsync(CancellationToken.None);
            return result;
        }));
        return await Task.WhenAll(calls);
    }
}

/// <summary>
/// Runs alone, after the parallel test classes: the races open dozens of connections at once
/// and must not compete with other classes for the server's connection limit.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConcurrencyCollection
{
    public const string Name = "PostgreSQL races";
}

using AuthService.Application.Jobs;
using AuthService.Host.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthService.Integration.Tests.Jobs;

/// <summary>The one runner of every background job: its waiting, failure handling and shutdown.</summary>
public sealed class PeriodicJobRunnerTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task FailedRound_IsRetried_AndAFinishedJobRunsNoMore()
    {
        var job = new ScriptedJob(new(Short)) { Rounds = [Fail, Finish] };
        using var runner = Runner(job);

        await runner.StartAsync(default);
        await job.WaitForRoundsAsync(2);
        await Task.Delay(5 * Short);
        await runner.StopAsync(default);

        Assert.Equal(2, job.Count);
    }

    [Fact]
    public async Task BeforeServing_TheFirstRoundIsOverWhenStartReturns()
    {
        var job = new ScriptedJob(new(TimeSpan.FromHours(1)) { Start = JobStart.BeforeServing });
        using var runner = Runner(job);

        await runner.StartAsync(default);

        Assert.True(job.Count >= 1);
        await runner.StopAsync(default);
    }

    [Fact]
    public async Task AfterInterval_NoRoundBeforeTheFirstInterval_AndFinalRoundOnStop()
    {
        var job = new ScriptedJob(new(TimeSpan.FromHours(1)) { Start = JobStart.AfterInterval, FinalRoundOnStop = true });
        using var runner = Runner(job);

        await runner.StartAsync(default);
        await Task.Delay(5 * Short);
        Assert.Equal(0, job.Count);
        await runner.StopAsync(default);

        Assert.Equal(1, job.Count);
    }

    [Fact]
    public async Task Stop_CancelsTheRoundInHand_UnlessTheJobDrains()
    {
        var cancelled = new ScriptedJob(new(Short)) { Rounds = [Hang] };
        var draining = new ScriptedJob(new(Short) { DrainOnStop = true }) { Rounds = [HangBriefly] };
        using var runner = Runner(cancelled, draining);
        await runner.StartAsync(default);
        await cancelled.WaitForRoundsAsync(1);
        await draining.WaitForRoundsAsync(1);

        await runner.StopAsync(default);

        Assert.True(cancelled.SawCancellation);
        Assert.False(draining.SawCancellation);
        Assert.Equal(1, draining.Completed);
    }

    [Fact]
    public async Task Stop_TheHostDeadlineCutsADrainingRoundShort()
    {
        var draining = new ScriptedJob(new(Short) { DrainOnStop = true }) { Rounds = [Hang] };
        using var runner = Runner(draining);
        await runner.StartAsync(default);
        await draining.WaitForRoundsAsync(1);

        using var deadline = new CancellationTokenSource(5 * Short);
        await runner.StopAsync(deadline.Token);

        // Stop returns at the deadline; the round sees it as it unwinds.
        for (var i = 0; i < 100 && !draining.SawCancellation; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(draining.SawCancellation);
    }

    [Fact]
    public async Task DisabledJob_NeverRuns()
    {
        var job = new ScriptedJob(JobSchedule.Off);
        using var runner = Runner(job);

        await runner.StartAsync(default);
        await Task.Delay(5 * Short);
        await runner.StopAsync(default);

        Assert.Equal(0, job.Count);
    }

    private static PeriodicJobRunner Runner(params IPeriodicJob[] jobs) =>
        new(jobs, TimeProvider.System, NullLogger<PeriodicJobRunner>.Instance);

    private static Task<JobRound> Fail(CancellationToken ct) => throw new InvalidOperationException("round failed");

    private static Task<JobRound> Finish(CancellationToken ct) => Task.FromResult(JobRound.Finished);

    private static async Task<JobRound> Hang(CancellationToken ct)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        return JobRound.Wait;
    }

    private static async Task<JobRound> HangBriefly(CancellationToken ct)
    {
        await Task.Delay(10 * Short, ct);
        return JobRound.Finished;
    }

    /// <summary>Plays its rounds in order (then waits, round after round), counting them.</summary>
    private sealed class ScriptedJob(JobSchedule schedule) : IPeriodicJob
    {
        private int _count;
        private int _completed;
        private bool _sawCancellation;

        public List<Func<CancellationToken, Task<JobRound>>> Rounds { get; init; } = [];

        public int Count => Volatile.Read(ref _count);

        public int Completed => Volatile.Read(ref _completed);

        public bool SawCancellation => Volatile.Read(ref _sawCancellation);

        public string Name => "scripted";

        public JobSchedule Schedule => schedule;

        public async Task<JobRound> RunOnceAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _count);
            try
            {
                var round = n <= Rounds.Count ? await Rounds[n - 1](ct) : JobRound.Wait;
                Interlocked.Increment(ref _completed);
                return round;
            }
            catch (OperationCanceledException)
            {
                Volatile.Write(ref _sawCancellation, true);
                throw;
            }
        }

        public async Task WaitForRoundsAsync(int rounds)
        {
            for (var i = 0; i < 200 && Count < rounds; i++)
            {
                await Task.Delay(10);
            }

            Assert.True(Count >= rounds, $"only {Count} round(s) ran");
        }
    }
}

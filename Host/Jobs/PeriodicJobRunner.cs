using AuthService.Application.Jobs;

namespace AuthService.Host.Jobs;

/// <summary>
/// Runs every <see cref="IPeriodicJob"/> in the container, one loop per job, on the job's
/// <see cref="JobSchedule"/>: the one place for waiting, failure handling and shutdown. A failed
/// round is logged and retried after <see cref="JobSchedule.RetryAfter"/> (a job never stops the
/// host). On stop no new round begins; a round in hand is cancelled, unless its job drains
/// (<see cref="JobSchedule.DrainOnStop"/>), which only the host's deadline (HOST__SHUTDOWN_SECONDS)
/// cuts short; then the jobs that want one get a final round within that deadline.
/// </summary>
internal sealed class PeriodicJobRunner(IEnumerable<IPeriodicJob> jobs, TimeProvider time, ILogger<PeriodicJobRunner> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _deadline = new();
    private readonly List<Task> _loops = [];
    private readonly Lock _gate = new();
    private Task? _stop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            var schedule = job.Schedule;
            if (!schedule.Enabled)
            {
                continue;
            }

            var next = schedule.Start == JobStart.AfterInterval ? JobRound.Wait : JobRound.Again;
            if (schedule.Start == JobStart.BeforeServing && await RoundAsync(job, cancellationToken) == JobRound.Finished)
            {
                continue;
            }

            _loops.Add(Task.Run(() => LoopAsync(job, schedule, next), CancellationToken.None));
        }
    }

    /// <summary>
    /// Once only: a host may stop us again (WebApplicationFactory stops a host that its lifetime is
    /// already stopping, then disposes it). A second call waits for the first, so we are never
    /// disposed while the first still cancels rounds.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _deadline.Dispose();
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's deadline: what a draining round still does is abandoned.
            await _deadline.CancelAsync();
            logger.LogWarning("The shutdown deadline cut background jobs short");
        }
    }

    private async Task LoopAsync(IPeriodicJob job, JobSchedule schedule, JobRound next)
    {
        var roundToken = schedule.DrainOnStop ? _deadline.Token : _stopping.Token;
        var wait = schedule.Interval;
        while (next != JobRound.Finished && !_stopping.IsCancellationRequested)
        {
            if (next == JobRound.Wait && !await WaitAsync(schedule, wait))
            {
                break;
            }

            var round = await RoundAsync(job, roundToken);
            wait = round is null ? schedule.RetryAfter : schedule.Interval;
            next = round ?? JobRound.Wait;
        }

        if (schedule.FinalRoundOnStop && _stopping.IsCancellationRequested)
        {
            await RoundAsync(job, _deadline.Token);
        }
    }

    /// <returns>False when the host is stopping.</returns>
    private async Task<bool> WaitAsync(JobSchedule schedule, TimeSpan delay)
    {
        try
        {
            await (schedule.WaitForWork?.Invoke(delay, _stopping.Token) ?? Task.Delay(delay, time, _stopping.Token));
            return true;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <returns>What to do next, or null when the round failed.</returns>
    private async Task<JobRound?> RoundAsync(IPeriodicJob job, CancellationToken ct)
    {
        try
        {
            return await job.RunOnceAsync(ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Stopping: whatever the interrupted round threw is of no interest.
            return JobRound.Finished;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Background job {Job}: the round failed; retrying in {Delay}", job.Name, job.Schedule.RetryAfter);
            return null;
        }
    }
}

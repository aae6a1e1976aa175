namespace AuthService.Application.Jobs;

/// <summary>
/// One background concern (outbox dispatch, revocation cache, pruning, ...): a round of work the
/// host's one runner repeats on the job's <see cref="Schedule"/>. The runner owns everything
/// around the round, written once: the loop, waiting, logging a failed round and retrying it
/// after <see cref="JobSchedule.AfterFailure"/>, and graceful shutdown. A job is a singleton, so
/// it may keep state between rounds; scoped services it takes per round (<see cref="JobScopes"/>).
/// Implementations in Application are registered by convention (<c>AddApplication</c>).
/// </summary>
public interface IPeriodicJob
{
    /// <summary>Names the job in logs.</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    /// <summary>One round; an exception fails the round (logged, retried after <see cref="JobSchedule.AfterFailure"/>).</summary>
    Task<JobRound> RunOnceAsync(CancellationToken ct);
}

/// <summary>What the runner does after a round that did not fail.</summary>
public enum JobRound
{
    /// <summary>Wait the interval (or until <see cref="JobSchedule.WaitForWork"/> returns).</summary>
    Wait,

    /// <summary>There is more to do: run again at once.</summary>
    Again,

    /// <summary>The job has nothing left to do in this process: its loop ends.</summary>
    Finished,
}

/// <summary>When and how a job's rounds run. A zero or negative <see cref="Interval"/> turns the job off.</summary>
public sealed record JobSchedule(TimeSpan Interval)
{
    public static readonly JobSchedule Off = new(TimeSpan.Zero);

    /// <summary>The wait after a failed round; the interval unless set.</summary>
    public TimeSpan? AfterFailure { get; init; }

    public JobStart Start { get; init; } = JobStart.AtOnce;

    /// <summary>
    /// The round in hand at shutdown finishes (cut short only at the host's deadline,
    /// <c>HOST__SHUTDOWN_SECONDS</c>) instead of being cancelled when the stop begins.
    /// </summary>
    public bool DrainOnStop { get; init; }

    /// <summary>One more round when the host stops (within its deadline), e.g. to write what was counted.</summary>
    public bool FinalRoundOnStop { get; init; }

    /// <summary>Replaces the plain wait: returns when work arrived or after the given time, whichever is first.</summary>
    public Func<TimeSpan, CancellationToken, Task>? WaitForWork { get; init; }

    public bool Enabled => Interval > TimeSpan.Zero;

    public TimeSpan RetryAfter => AfterFailure ?? Interval;
}

public enum JobStart
{
    /// <summary>The first round as the host starts, without holding it up.</summary>
    AtOnce,

    /// <summary>A first round the host awaits before it serves requests; the loop then starts at once.</summary>
    BeforeServing,

    /// <summary>The first round one interval after start.</summary>
    AfterInterval,
}

namespace AuthService.Domain.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,
    Dead,
}

/// <summary>
/// An outbox row on its way out. Each attempt's outcome moves a pending message on: sent, due
/// again later (<see cref="RetrySchedule"/>), or dead; a finished one does not change again. Its
/// body is kept only while it may still be sent, and for a dead webhook event (JSON that holds
/// no secret, kept for the admin API); a dead e-mail or SMS loses its text (a code that can no
/// longer be delivered is of no use).
/// </summary>
public sealed class OutboxMessage(Guid id, OutboxChannel channel, int attempts, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;
    public OutboxChannel Channel { get; } = channel;

    /// <summary>Attempts so far, the current one included.</summary>
    public int Attempts { get; } = attempts;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;

    /// <summary>While pending after a failure: when it is tried again.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool KeepsBody => Status == OutboxStatus.Pending || (Status == OutboxStatus.Dead && Channel == OutboxChannel.Webhook);

    /// <summary>The attempt got through; false (and unchanged) when it is finished already.</summary>
    public bool Delivered(DateTimeOffset now) => Finish(OutboxStatus.Sent, now);

    /// <summary>
    /// The attempt failed: due again per <see cref="RetrySchedule"/>, or dead when the failure is
    /// permanent or the retry period is over. False (and unchanged) when it is finished already.
    /// </summary>
    /// <param name="jitter">A random number in [0, 1), spreading retries of messages that failed together.</param>
    public bool Failed(bool permanent, DateTimeOffset now, double jitter)
    {
        if (Status != OutboxStatus.Pending)
        {
            return false;
        }

        NextAttemptAt = RetrySchedule.Next(Attempts, CreatedAt, now, permanent, jitter);
        return NextAttemptAt is not null || Finish(OutboxStatus.Dead, now);
    }

    private bool Finish(OutboxStatus status, DateTimeOffset now)
    {
        if (Status != OutboxStatus.Pending)
        {
            return false;
        }

        (Status, FinishedAt) = (status, now);
        return true;
    }
}

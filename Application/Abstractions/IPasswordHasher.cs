namespace AuthService.Application.Abstractions;

public enum PasswordVerification
{
    Failed,
    Succeeded,
    SucceededRehashNeeded,
}

/// <summary>
/// Argon2id. Implementations bound how many hashes run at once and throw
/// <see cref="CapacityExceededException"/> when the queue is full.
/// </summary>
public interface IPasswordHasher
{
    Task<string> HashAsync(string password, CancellationToken ct);

    Task<PasswordVerification> VerifyAsync(string hash, string password, CancellationToken ct);

    /// <summary>Spends the same time as a real verification, so unknown accounts are not distinguishable.</summary>
    Task VerifyDummyAsync(string password, CancellationToken ct);

    /// <summary>
    /// True when every slot is busy and the queue is full: a request that needs a hash now would be
    /// refused, so it can be turned away before it costs anything (a database read, an exception).
    /// </summary>
    bool IsSaturated { get; }
}

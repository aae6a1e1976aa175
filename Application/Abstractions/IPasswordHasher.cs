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
}

using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

public interface IPendingSignInRepository
{
    Task CreateAsync(PendingSignIn pending, string tokenHash, CancellationToken ct);

    /// <summary>
    /// Burns one attempt and returns the sign-in, in one conditional statement mirroring
    /// <see cref="PendingSignIn.TryBeginAttempt"/>; null when unknown, used, expired or out of attempts.
    /// </summary>
    Task<PendingSignIn?> BeginAttemptAsync(string tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>The sign-in if it could still be completed (mirrors <see cref="PendingSignIn.IsUsable"/>), without using an attempt.</summary>
    Task<PendingSignIn?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Marks it used in one conditional statement mirroring <see cref="PendingSignIn.TryConsume"/>;
    /// false when another request used it first (or it expired).
    /// </summary>
    Task<bool> ConsumeAsync(Guid id, DateTimeOffset now, CancellationToken ct);
}

using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

public enum WebAuthnPurpose
{
    Register,
    Mfa,
    Passwordless,
}

/// <summary>A ceremony's options, kept until its answer comes back (or 5 minutes pass).</summary>
public sealed record WebAuthnChallenge(
    string Challenge, WebAuthnPurpose Purpose, Guid? UserId, Guid? PendingSignInId, string OptionsJson, DateTimeOffset ExpiresAt);

public interface IPasskeyRepository
{
    Task<IReadOnlyList<Passkey>> ListAsync(Guid userId, CancellationToken ct);

    /// <summary>The user's passkey; null when the user has no such passkey.</summary>
    Task<Passkey?> FindAsync(Guid userId, Guid id, CancellationToken ct);

    Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken ct);

    /// <summary>False when the credential is already registered (to anyone).</summary>
    Task<bool> AddAsync(Passkey passkey, CancellationToken ct);

    /// <summary>
    /// Stores the new counter in one conditional statement mirroring <see cref="Passkey.TryAdvanceCounter"/>;
    /// false when it did not move forward (a clone, or a parallel use of the same assertion).
    /// </summary>
    Task<bool> AdvanceCounterAsync(Guid id, long signCount, DateTimeOffset now, CancellationToken ct);

    /// <summary>Stores the name <see cref="Passkey.Rename"/> set; false when the passkey is gone.</summary>
    Task<bool> RenameAsync(Guid userId, Guid id, string name, CancellationToken ct);

    /// <summary>False when the user has no such passkey.</summary>
    Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct);

    /// <summary>Locks the user's passkeys (FOR UPDATE) so a count and the delete that follows agree.</summary>
    Task<IReadOnlyList<Passkey>> ListLockedAsync(Guid userId, CancellationToken ct);

    Task SaveChallengeAsync(WebAuthnChallenge challenge, CancellationToken ct);

    /// <summary>Takes (deletes) the challenge in one statement: it works once. Null when unknown, expired or of another purpose.</summary>
    Task<WebAuthnChallenge?> TakeChallengeAsync(string challenge, WebAuthnPurpose purpose, DateTimeOffset now, CancellationToken ct);
}

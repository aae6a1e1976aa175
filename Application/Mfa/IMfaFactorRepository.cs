using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

/// <summary>What a user holds as second factors, at a glance.</summary>
public sealed record MfaSummary(bool Totp, int Passkeys, int RecoveryCodesLeft)
{
    public bool HasFactor => Totp || Passkeys > 0;
}

/// <summary>TOTP factors, recovery codes, and the MFA state of sessions.</summary>
public interface IMfaFactorRepository
{
    Task<MfaSummary> GetSummaryAsync(Guid userId, CancellationToken ct);

    Task<TotpFactor?> FindTotpAsync(Guid userId, CancellationToken ct);

    /// <summary>Stores a new unconfirmed factor, replacing an unconfirmed one; false when a confirmed one exists.</summary>
    Task<bool> SavePendingTotpAsync(TotpFactor factor, CancellationToken ct);

    /// <summary>Confirms the pending factor with its first accepted step, in one conditional statement mirroring <see cref="TotpFactor.TryConfirm"/>.</summary>
    Task<bool> ConfirmTotpAsync(Guid userId, long step, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// One conditional statement mirroring <see cref="TotpFactor.TryAcceptStep"/>: true only for a
    /// step after the last accepted one. A re-encrypted seed (after key rotation) is stored with it.
    /// </summary>
    Task<bool> AcceptTotpStepAsync(Guid userId, long step, string? reencryptedSecret, CancellationToken ct);

    Task<bool> DeleteTotpAsync(Guid userId, CancellationToken ct);

    Task ReplaceRecoveryCodesAsync(Guid userId, IReadOnlyList<string> codeHashes, DateTimeOffset now, CancellationToken ct);

    Task<RecoveryCode?> FindRecoveryCodeAsync(Guid userId, string codeHash, CancellationToken ct);

    /// <summary>Marks the code used in one conditional statement mirroring <see cref="RecoveryCode.TryUse"/>; false when unknown or already used.</summary>
    Task<bool> UseRecoveryCodeAsync(Guid userId, string codeHash, DateTimeOffset now, CancellationToken ct);

    Task DeleteRecoveryCodesAsync(Guid userId, CancellationToken ct);

    /// <summary>Whether the session's <c>amr</c> includes <c>mfa</c>.</summary>
    Task<bool> SessionPassedMfaAsync(Guid sessionId, CancellationToken ct);

    /// <summary>Adds references to the session's <c>amr</c> (after the user proved a new factor in it).</summary>
    Task AddSessionAmrAsync(Guid sessionId, IReadOnlyList<string> amr, CancellationToken ct);
}

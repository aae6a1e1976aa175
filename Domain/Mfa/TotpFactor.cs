namespace AuthService.Domain.Mfa;

/// <summary>A user's TOTP authenticator: pending until its first code confirms it, then each code works once.</summary>
public sealed class TotpFactor
{
    private DateTimeOffset? _confirmedAt;
    private long _lastUsedStep;

    public required Guid UserId { get; init; }

    /// <summary>The seed as AES-256-GCM ciphertext bound to the user id; never stored in clear.</summary>
    public required string SecretCiphertext { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get => _confirmedAt; init => _confirmedAt = value; }

    /// <summary>The newest time step a code was accepted for (0: none yet).</summary>
    public long LastUsedStep { get => _lastUsedStep; init => _lastUsedStep = value; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>A new authenticator, pending until <see cref="TryConfirm"/>.</summary>
    public static TotpFactor Enrol(Guid userId, string secretCiphertext, DateTimeOffset now) =>
        new() { UserId = userId, SecretCiphertext = secretCiphertext, CreatedAt = now };

    /// <summary>
    /// The first accepted code proves the app holds the seed: a pending factor becomes confirmed,
    /// and that step counts as used. A confirmed factor is not confirmed again.
    /// </summary>
    public bool TryConfirm(long step, DateTimeOffset now)
    {
        if (IsConfirmed || step <= LastUsedStep)
        {
            return false;
        }

        _confirmedAt = now;
        _lastUsedStep = step;
        return true;
    }

    /// <summary>
    /// Replay protection: a code is accepted only for a step after the last accepted one, so the
    /// same code (or an older one still inside the ±1 window) never works twice. The repository's
    /// conditional UPDATE (<c>WHERE last_used_step &lt; @step</c>) mirrors this for concurrent tries.
    /// </summary>
    public bool TryAcceptStep(long step)
    {
        if (step <= LastUsedStep)
        {
            return false;
        }

        _lastUsedStep = step;
        return true;
    }
}

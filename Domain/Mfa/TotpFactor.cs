namespace AuthService.Domain.Mfa;

/// <summary>A user's TOTP authenticator: pending until its first code confirms it.</summary>
public sealed class TotpFactor
{
    public required Guid UserId { get; init; }

    /// <summary>The seed as AES-256-GCM ciphertext bound to the user id; never stored in clear.</summary>
    public required string SecretCiphertext { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The newest time step a code was accepted for (0: none yet).</summary>
    public long LastUsedStep { get; set; }

    public bool IsConfirmed => ConfirmedAt is not null;

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

        LastUsedStep = step;
        return true;
    }
}

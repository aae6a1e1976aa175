using System.Security.Cryptography;

namespace AuthService.Application.Mfa;

/// <summary>Checks a code a user typed: a 6-digit TOTP code, or one of the recovery codes.</summary>
internal sealed class FactorCodeVerifier(
    IMfaFactorRepository factors,
    ITotpAlgorithm totp,
    ISecretCipher cipher,
    RecoveryCodes recovery,
    TimeProvider clock)
{
    public const string TotpPurpose = "totp-secret";

    public static Error InvalidCode => new(ErrorCode.InvalidMfaCode, "The code is not valid.");

    /// <summary>Which kind of code was accepted: <c>totp</c>, <c>recovery_code</c>, or null when none.</summary>
    public async Task<string?> VerifyAsync(Guid userId, string code, CancellationToken ct)
    {
        code = code.Trim();
        var now = clock.GetUtcNow();
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
        {
            var factor = await factors.FindTotpAsync(userId, ct);
            if (factor is not { IsConfirmed: true } || cipher.Decrypt(factor.SecretCiphertext, Context(userId)) is not { } seed)
            {
                return null;
            }

            var step = totp.MatchStep(seed.Plaintext, code, now);
            var renewed = seed.IsStale ? cipher.Encrypt(seed.Plaintext, Context(userId)) : null;
            CryptographicOperations.ZeroMemory(seed.Plaintext);

            // The entity says whether the step is new; the conditional UPDATE says it again under
            // the row lock, so a replay (or a parallel second use) fails.
            return step is { } s && factor.TryAcceptStep(s) && await factors.AcceptTotpStepAsync(userId, s, renewed, ct) ? "totp" : null;
        }

        if (RecoveryCodes.Normalize(code) is not { } normalized)
        {
            return null;
        }

        var hash = recovery.Hash(userId, normalized);
        var stored = await factors.FindRecoveryCodeAsync(userId, hash, ct);
        return stored is not null && stored.TryUse(now) && await factors.UseRecoveryCodeAsync(userId, hash, now, ct)
            ? "recovery_code"
            : null;
    }

    /// <summary>Null when the code proves a factor; a used recovery code or TOTP step stays used even when the rest fails.</summary>
    public async Task<Error?> ProveAsync(Guid userId, string code, CancellationToken ct) =>
        await VerifyAsync(userId, code, ct) is null ? InvalidCode : null;

    public static SecretContext Context(Guid userId) => new(userId, TotpPurpose);
}

using AuthService.Application.Abstractions;

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

    /// <summary>Which kind of code was accepted: <c>totp</c>, <c>recovery_code</c>, or null when none.</summary>
    public async Task<string?> VerifyAsync(Guid userId, string code, CancellationToken ct)
    {
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
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed.Plaintext);

            // The step is taken by one conditional UPDATE, so a replay (or a parallel second use) fails.
            return step is { } s && await factors.AcceptTotpStepAsync(userId, s, renewed, ct) ? "totp" : null;
        }

        return RecoveryCodes.Normalize(code) is { } normalized
            && await factors.UseRecoveryCodeAsync(userId, recovery.Hash(userId, normalized), now, ct)
            ? "recovery_code"
            : null;
    }

    public static SecretContext Context(Guid userId) => new(userId, TotpPurpose);
}

namespace AuthService.Application.Abstractions;

/// <summary>
/// Encrypts secrets that must be read back (TOTP seeds, pending message bodies) under the
/// server's master key. The context is bound to the ciphertext as associated data, so a value
/// copied to another owner's row, or used for another purpose, does not decrypt.
/// </summary>
public interface ISecretCipher
{
    /// <summary>A self-describing text value (format version, key id, nonce, ciphertext, tag).</summary>
    string Encrypt(ReadOnlySpan<byte> plaintext, SecretContext context);

    /// <summary>
    /// Null when the value does not decrypt under <paramref name="context"/>: moved to another
    /// row, altered, malformed, or sealed with a key this server no longer holds.
    /// </summary>
    DecryptedSecret? Decrypt(string stored, SecretContext context);
}

/// <param name="OwnerId">The row's owner (a user id, or the row's own id when no user owns it).</param>
/// <param name="Purpose">A fixed name for what the value is, e.g. <c>totp-secret</c>.</param>
public readonly record struct SecretContext(Guid OwnerId, string Purpose);

/// <param name="Plaintext">The decrypted bytes; the caller may zero them when done.</param>
/// <param name="IsStale">
/// Sealed with a previous key: encrypt it again and store the new value when the row is next
/// written, so a retired key can eventually be dropped from CRYPTO__PREVIOUS_KEYS.
/// </param>
public sealed record DecryptedSecret(byte[] Plaintext, bool IsStale);

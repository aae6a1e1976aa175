using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>
/// AES-256-GCM with a fresh random 96-bit nonce per value, stored as
/// <c>v1.&lt;key id&gt;.&lt;base64url(nonce | ciphertext | tag)&gt;</c>. The associated data
/// binds the format version, the key id, the purpose and the owner's id: change any of them
/// (a value copied to another user's row) and the tag no longer verifies.
/// </summary>
internal sealed class AesGcmSecretCipher(MasterKeyRing keys) : ISecretCipher
{
    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Encrypt(ReadOnlySpan<byte> plaintext, SecretContext context)
    {
        var current = keys.Current;
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(current.Key, TagBytes))
        {
            aes.Encrypt(
                nonce,
                plaintext,
                sealedBytes.AsSpan(NonceBytes, plaintext.Length),
                sealedBytes.AsSpan(NonceBytes + plaintext.Length),
                AssociatedData(current.Id, context));
        }

        return $"{Version}.{current.Id}.{Base64Url.EncodeToString(sealedBytes)}";
    }

    public DecryptedSecret? Decrypt(string stored, SecretContext context)
    {
        // What is wrong with a stored value is no secret, so these early exits leak nothing.
        var parts = stored.Split('.');
        if (parts.Length != 3 || parts[0] != Version || keys.Find(parts[1]) is not { } key
            || !Base64Url.IsValid(parts[2], out var length) || length < NonceBytes + TagBytes)
        {
            return null;
        }

        var sealedBytes = Base64Url.DecodeFromChars(parts[2]);
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceBytes),
                sealedBytes.AsSpan(NonceBytes, plaintext.Length),
                sealedBytes.AsSpan(NonceBytes + plaintext.Length),
                plaintext,
                AssociatedData(parts[1], context));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return new DecryptedSecret(plaintext, IsStale: !string.Equals(parts[1], keys.Current.Id, StringComparison.Ordinal));
    }

    private static byte[] AssociatedData(string keyId, SecretContext context) =>
        Encoding.UTF8.GetBytes($"authservice\0{Version}\0{keyId}\0{context.Purpose}\0{context.OwnerId:D}");
}

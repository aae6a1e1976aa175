using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>
/// HMAC-SHA256 rather than a bare SHA-256: 6-digit codes have a tiny space, so a leaked table of
/// plain hashes would fall to a million guesses; without the server key it reveals nothing.
/// </summary>
internal sealed class HmacSecretHasher(ServerSecret secret) : ISecretHasher
{
    private const int HashBytes = 32;
    private const int StackLimit = 512;

    private readonly byte[] _key = secret.SecretHashKey;

    public string Hash(string secret)
    {
        Span<byte> mac = stackalloc byte[HashBytes];
        Compute(secret, mac);
        return Base64Url.EncodeToString(mac);
    }

    public bool Matches(string secret, string hash)
    {
        // Which stored hash is malformed is no secret, so this early exit leaks nothing.
        Span<byte> expected = stackalloc byte[HashBytes];
        if (!Base64Url.IsValid(hash, out var length) || length != HashBytes
            || !Base64Url.TryDecodeFromChars(hash, expected, out _))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        Compute(secret, actual);

        // Constant time: an early-exit comparison would leak how many leading bytes matched.
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private void Compute(string secret, Span<byte> destination)
    {
        var max = Encoding.UTF8.GetMaxByteCount(secret.Length);
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : new byte[max];
        var length = Encoding.UTF8.GetBytes(secret, buffer);
        HMACSHA256.HashData(_key, buffer[..length], destination);
        CryptographicOperations.ZeroMemory(buffer[..length]);
    }
}

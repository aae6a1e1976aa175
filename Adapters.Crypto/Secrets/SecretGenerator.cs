using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto.Secrets;

internal sealed class SecretGenerator(ServerSecret secret) : ISecretGenerator
{
    private const int StackLimit = 512;
    private static readonly byte[] SuccessorLabel = "refresh-successor:"u8.ToArray();

    private readonly byte[] _successorKey = secret.SuccessorKey;

    public string NewOpaqueToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Deterministic, so every replay of a just-rotated token inside the grace window gets the same
    /// successor; keyed, so nobody without the server secret can compute it from a stolen token.
    /// The token's session handle (<see cref="Tokens.RefreshTokenHandles"/>) carries over.
    /// </summary>
    public string SuccessorOf(string refreshToken)
    {
        var max = SuccessorLabel.Length + Encoding.UTF8.GetMaxByteCount(refreshToken.Length);
        var message = max <= StackLimit ? stackalloc byte[StackLimit] : new byte[max];
        SuccessorLabel.CopyTo(message);
        var length = SuccessorLabel.Length + Encoding.UTF8.GetBytes(refreshToken, message[SuccessorLabel.Length..]);

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_successorKey, message[..length], mac);
        CryptographicOperations.ZeroMemory(message[..length]);
        return string.Concat(Tokens.RefreshTokenHandles.HandleOf(refreshToken), Base64Url.EncodeToString(mac));
    }

    /// <summary>GetInt32 rejects out-of-range draws, so every code is equally likely (no modulo bias).</summary>
    public string NewOtpCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

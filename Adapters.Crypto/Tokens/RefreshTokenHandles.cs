using System.Buffers.Text;
using System.Security.Cryptography;
using AuthService.Adapters.Crypto.Secrets;
using AuthService.Application.Sessions;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>
/// A refresh token is a 43-character handle followed by 43 characters of randomness (or, for its
/// successors, of <see cref="SecretGenerator.SuccessorOf"/>'s keyed output). The handle is the
/// session id and a 128-bit HMAC of it under the server secret: nobody can make one naming
/// someone else's session (and so spend that session's refresh limit), and checking it costs
/// no read. Tokens issued before handles existed are 43 characters and name no session here.
/// </summary>
internal sealed class RefreshTokenHandles(ServerSecret secret) : IRefreshTokenHandles
{
    public const int HandleLength = 43;

    private const int IdBytes = 16;
    private const int MacBytes = 16;
    private static readonly byte[] Label = "refresh-session:"u8.ToArray();

    private readonly byte[] _key = secret.SuccessorKey;

    /// <summary>The handle a token carries (its successor keeps it), or empty for a token without one.</summary>
    public static ReadOnlySpan<char> HandleOf(string refreshToken) =>
        refreshToken.Length == 2 * HandleLength ? refreshToken.AsSpan(0, HandleLength) : [];

    public string New(Guid sessionId)
    {
        Span<byte> bytes = stackalloc byte[IdBytes + MacBytes + 32];
        sessionId.TryWriteBytes(bytes[..IdBytes]);
        Sign(bytes[..IdBytes], bytes[IdBytes..(IdBytes + MacBytes)]);
        RandomNumberGenerator.Fill(bytes[(IdBytes + MacBytes)..]);
        return string.Concat(Base64Url.EncodeToString(bytes[..(IdBytes + MacBytes)]), Base64Url.EncodeToString(bytes[(IdBytes + MacBytes)..]));
    }

    public Guid? SessionOf(string refreshToken)
    {
        Span<byte> handle = stackalloc byte[IdBytes + MacBytes];
        // IsValid first: TryDecodeFromChars throws, rather than answering false, on a character outside the alphabet.
        if (HandleOf(refreshToken) is not { Length: HandleLength } text
            || !Base64Url.IsValid(text, out var length) || length != handle.Length
            || !Base64Url.TryDecodeFromChars(text, handle, out var written) || written != handle.Length)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Sign(handle[..IdBytes], expected);
        return CryptographicOperations.FixedTimeEquals(expected, handle[IdBytes..]) ? new Guid(handle[..IdBytes]) : null;
    }

    // Labelled apart from the successor's "refresh-successor:" under the same key: neither output can stand for the other.
    private void Sign(ReadOnlySpan<byte> id, Span<byte> mac)
    {
        Span<byte> message = stackalloc byte[Label.Length + IdBytes];
        Label.CopyTo(message);
        id.CopyTo(message[Label.Length..]);
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, message, full);
        full[..MacBytes].CopyTo(mac);
    }
}

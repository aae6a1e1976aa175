using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>
/// The server secret behind every HMAC, with one derived key per purpose so that a value
/// computed for one purpose (a stored token hash) can never stand for another (a successor).
/// </summary>
internal sealed class ServerSecret
{
    public const int MinLength = 32;
    public const string FileName = "hmac.secret";

    private ServerSecret(byte[] master)
    {
        SecretHashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "authservice secret-hash v1"u8.ToArray());
        SuccessorKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "authservice refresh-successor v1"u8.ToArray());
        CryptographicOperations.ZeroMemory(master);
    }

    public byte[] SecretHashKey { get; }

    public byte[] SuccessorKey { get; }

    public static ServerSecret Load(ServerSecretOptions options) =>
        TryLoad(options, out var secret, out var error) ? secret : throw new InvalidOperationException(error);

    /// <summary>AUTH__HMAC_SECRET wins; without it a development keys folder gets one generated once (<see cref="SecretFile.TryRead"/>).</summary>
    public static bool TryLoad(ServerSecretOptions options, out ServerSecret secret, out string error)
    {
        secret = null!;
        if (!SecretFile.TryRead(
                "AUTH__HMAC_SECRET",
                $"at least {MinLength} characters",
                string.IsNullOrEmpty(options.HmacSecret) ? null : options.HmacSecret,
                options.SigningKeysDir,
                FileName,
                () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
                text => text.Length >= MinLength,
                out var text,
                out error))
        {
            return false;
        }

        secret = new ServerSecret(Encoding.UTF8.GetBytes(text));
        return true;
    }
}

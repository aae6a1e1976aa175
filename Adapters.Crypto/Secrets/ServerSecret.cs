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

    /// <summary>
    /// AUTH__HMAC_SECRET wins; without it a development setup that keeps signing keys in a folder
    /// gets a random secret generated once beside them. The file holds text, so its content can be
    /// copied into AUTH__HMAC_SECRET later and every stored hash stays valid.
    /// </summary>
    public static bool TryLoad(ServerSecretOptions options, out ServerSecret secret, out string error)
    {
        secret = null!;
        error = string.Empty;
        string text;
        if (!string.IsNullOrEmpty(options.HmacSecret))
        {
            text = options.HmacSecret;
            if (text.Length < MinLength)
            {
                error = $"AUTH__HMAC_SECRET must be at least {MinLength} characters long.";
                return false;
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.SigningKeysDir))
        {
            var path = Path.Combine(options.SigningKeysDir, FileName);
            try
            {
                SecretFile.TryCreate(path, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
                text = File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"AUTH__HMAC_SECRET is not set and {path} (under JWT__SIGNING_KEYS_DIR) cannot be used: {e.Message}";
                return false;
            }

            if (text.Length < MinLength)
            {
                error = $"AUTH__HMAC_SECRET is not set and {path} (under JWT__SIGNING_KEYS_DIR) holds fewer than {MinLength} characters.";
                return false;
            }
        }
        else
        {
            error = $"AUTH__HMAC_SECRET is required (at least {MinLength} characters), or set JWT__SIGNING_KEYS_DIR to keep a generated one there.";
            return false;
        }

        secret = new ServerSecret(Encoding.UTF8.GetBytes(text));
        return true;
    }
}

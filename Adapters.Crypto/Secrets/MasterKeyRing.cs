using System.Buffers.Text;
using System.Security.Cryptography;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>
/// The key that encrypts (from CRYPTO__MASTER_KEY) and the retired ones that still decrypt
/// (CRYPTO__PREVIOUS_KEYS), each found by the short id stored in every value it sealed.
/// </summary>
internal sealed class MasterKeyRing
{
    public const int MinBytes = 32;
    public const string FileName = "master.key";
    private const string Hint = "base64 of at least 32 random bytes, e.g. from `openssl rand -base64 32`";

    private readonly Dictionary<string, byte[]> _byId;

    private MasterKeyRing(byte[] current, IEnumerable<byte[]> previous)
    {
        Current = new KeyEntry(IdOf(current), Derive(current));
        _byId = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [Current.Id] = Current.Key };
        foreach (var key in previous)
        {
            _byId.TryAdd(IdOf(key), Derive(key));
        }
    }

    public KeyEntry Current { get; }

    public byte[]? Find(string id) => _byId.GetValueOrDefault(id);

    public static MasterKeyRing Load(MasterKeyOptions options) =>
        TryLoad(options, out var ring, out var error) ? ring : throw new InvalidOperationException(error);

    /// <summary>CRYPTO__MASTER_KEY wins; without it a development keys folder gets one generated once (<see cref="SecretFile.TryRead"/>).</summary>
    public static bool TryLoad(MasterKeyOptions options, out MasterKeyRing ring, out string error)
    {
        ring = null!;
        if (!SecretFile.TryRead(
                "CRYPTO__MASTER_KEY",
                Hint,
                string.IsNullOrWhiteSpace(options.MasterKey) ? null : options.MasterKey,
                options.SigningKeysDir,
                FileName,
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinBytes)),
                text => Decode(text) is not null,
                out var text,
                out error))
        {
            return false;
        }

        var current = Decode(text)!;
        var previous = new List<byte[]>();
        foreach (var entry in (options.PreviousKeys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = Decode(entry);
            if (key is null)
            {
                error = $"CRYPTO__PREVIOUS_KEYS must list keys that are each {Hint}, separated by commas.";
                return false;
            }

            previous.Add(key);
        }

        ring = new MasterKeyRing(current, previous);
        error = string.Empty;
        return true;
    }

    /// <summary>Standard or URL-safe base64, padded or not; null when it is not one or too short.</summary>
    private static byte[]? Decode(string text)
    {
        var trimmed = text.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (!Base64Url.IsValid(trimmed, out var length) || length < MinBytes)
        {
            return null;
        }

        return Base64Url.DecodeFromChars(trimmed);
    }

    /// <summary>The AES key is derived, so a master key of any length yields exactly 256 bits for this one use.</summary>
    private static byte[] Derive(byte[] master) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "authservice secret-encryption v1"u8.ToArray());

    /// <summary>Public by design: a keyed hash of the key, so it names the key without revealing it.</summary>
    private static string IdOf(byte[] master)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(master, "authservice master-key id v1"u8, mac);
        return Base64Url.EncodeToString(mac[..6]);
    }

    internal sealed record KeyEntry(string Id, byte[] Key);
}

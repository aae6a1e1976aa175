using System.Globalization;
using System.Security.Cryptography;
using AuthService.Adapters.Crypto.Secrets;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>
/// The signing key and the previous keys that still verify. Rotation is adding a newer .pem
/// to the folder and restarting: tokens signed by the old key keep validating (and stay in
/// the JWKS) until the old file is removed, which should wait one access-token lifetime.
/// </summary>
internal sealed class SigningKeyRing
{
    private SigningKeyRing(SigningKey current, IReadOnlyList<SigningKey> all)
    {
        Current = current;
        All = all;
    }

    public SigningKey Current { get; }

    /// <summary>Current key first, then older ones, newest first.</summary>
    public IReadOnlyList<SigningKey> All { get; }

    public static SigningKeyRing Load(JwtOptions options, TimeProvider time) =>
        TryLoad(options, time, out var ring, out var error) ? ring : throw new InvalidOperationException(error);

    public static bool TryLoad(JwtOptions options, TimeProvider time, out SigningKeyRing ring, out string error)
    {
        ring = null!;
        error = string.Empty;
        var keys = new List<SigningKey>();

        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            // A PEM squeezed into one line of an env file arrives with literal "\n".
            var pem = options.PrivateKey.Contains('\n', StringComparison.Ordinal)
                ? options.PrivateKey
                : options.PrivateKey.Replace("\\n", "\n", StringComparison.Ordinal);
            var key = SigningKey.FromPem(pem, "JWT__PRIVATE_KEY", out var reason);
            if (key is null)
            {
                error = $"JWT__PRIVATE_KEY {reason}.";
                return false;
            }

            keys.Add(key);
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKeysDir))
        {
            if (!TryLoadDirectory(options.SigningKeysDir, generateIfEmpty: keys.Count == 0, time, keys, out error))
            {
                return false;
            }
        }

        if (keys.Count == 0)
        {
            error = "JWT__SIGNING_KEYS_DIR or JWT__PRIVATE_KEY is required: a folder of EC P-256 PEM keys or one PEM key.";
            return false;
        }

        ring = new SigningKeyRing(keys[0], keys.DistinctBy(k => k.KeyId).ToArray());
        return true;
    }

    private static bool TryLoadDirectory(string dir, bool generateIfEmpty, TimeProvider time, List<SigningKey> keys, out string error)
    {
        error = string.Empty;
        try
        {
            if (generateIfEmpty && (!Directory.Exists(dir) || Directory.GetFiles(dir, "*.pem").Length == 0))
            {
                // Development path: one key made once and kept, so tokens survive restarts.
                using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var name = $"signing-{time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}.pem";
                SecretFile.TryCreate(Path.Combine(dir, name), ecdsa.ExportPkcs8PrivateKeyPem());
            }

            if (!Directory.Exists(dir))
            {
                return true;
            }

            // Newest first by name (signing-<yyyyMMddHHmmss>.pem), not by modification time: a copied
            // or mounted folder loses mtimes, and every instance must agree on which key signs.
            var files = new DirectoryInfo(dir).GetFiles("*.pem").OrderByDescending(f => f.Name, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var key = SigningKey.FromPem(File.ReadAllText(file.FullName), file.Name, out var reason);
                if (key is null)
                {
                    error = $"JWT__SIGNING_KEYS_DIR: {file.FullName} {reason}.";
                    return false;
                }

                keys.Add(key);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"JWT__SIGNING_KEYS_DIR ({dir}) cannot be read: {e.Message}";
            return false;
        }
    }
}

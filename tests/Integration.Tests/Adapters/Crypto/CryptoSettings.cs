using System.Security.Cryptography;

namespace AuthService.Integration.Tests.Adapters.Crypto;

internal static class CryptoSettings
{
    public const string HmacSecret = "test-hmac-secret-0123456789abcdef0123456789";

    /// <summary>32 bytes, base64: what <c>openssl rand -base64 32</c> prints.</summary>
    public const string MasterKey = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    public static Dictionary<string, string?> WithPrivateKey(string? pem = null) => new()
    {
        ["AUTH:HMAC_SECRET"] = HmacSecret,
        ["CRYPTO:MASTER_KEY"] = MasterKey,
        ["JWT:PRIVATE_KEY"] = pem ?? NewPem(),
    };

    public static Dictionary<string, string?> WithKeysDir(string dir) => new()
    {
        ["AUTH:HMAC_SECRET"] = HmacSecret,
        ["CRYPTO:MASTER_KEY"] = MasterKey,
        ["JWT:SIGNING_KEYS_DIR"] = dir,
    };

    public static string NewPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}

using System.Runtime.Versioning;
using System.Security.Cryptography;
using AuthService.Adapters.Crypto;

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

    /// <summary>The crypto adapter alone, started (and validated) with these settings.</summary>
    public static ServiceProvider Start(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null) =>
        AdapterHost.Start((s, c) => s.AddCrypto(c), settings, time);

    /// <summary>Why the crypto adapter refuses to start with these settings.</summary>
    public static string StartFailure(IReadOnlyDictionary<string, string?> settings) =>
        AdapterHost.StartFailure((s, c) => s.AddCrypto(c), settings);

    /// <summary>
    /// With only a keys folder, a secret is generated once into <paramref name="fileName"/>, owner-only:
    /// what <paramref name="make"/> produced with it still <paramref name="holds"/> after a restart, and
    /// after the file's text is moved into <paramref name="setting"/> (so a deployment can move it to the environment).
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static void AssertGeneratedOnceOwnerOnly<T>(
        string fileName, string setting, Func<ServiceProvider, T> make, Action<ServiceProvider, T> holds)
    {
        using var dir = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["JWT:SIGNING_KEYS_DIR"] = dir.Path };

        T made;
        using (var first = Start(settings))
        {
            made = make(first);
        }

        var file = Path.Combine(dir.Path, fileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        using var second = Start(settings);
        holds(second, made);

        var moved = WithPrivateKey();
        moved[setting] = File.ReadAllText(file);
        using var third = Start(moved);
        holds(third, made);
    }
}

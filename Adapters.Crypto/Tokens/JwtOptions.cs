using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Crypto.Tokens;

internal sealed class JwtOptions
{
    public const string Section = "JWT";

    [ConfigurationKeyName("ISSUER")]
    public string Issuer { get; set; } = "http://127.0.0.1:8001";

    [ConfigurationKeyName("AUDIENCE")]
    public string Audience { get; set; } = "authservice";

    [ConfigurationKeyName("ACCESS_TOKEN_MINUTES")]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>A PEM EC P-256 private key (PKCS#8 or SEC1); when set it signs.</summary>
    [ConfigurationKeyName("PRIVATE_KEY")]
    public string? PrivateKey { get; set; }

    /// <summary>Every *.pem in it is a key: the newest signs, the older ones still verify.</summary>
    [ConfigurationKeyName("SIGNING_KEYS_DIR")]
    public string? SigningKeysDir { get; set; }
}

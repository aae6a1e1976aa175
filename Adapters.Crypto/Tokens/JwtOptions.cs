using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>The signing keys (JWT__PRIVATE_KEY or JWT__SIGNING_KEYS_DIR); issuer, audience and lifetime are <see cref="Application.Common.TokenSettings"/>.</summary>
internal sealed class JwtOptions
{
    public const string Section = "JWT";

    /// <summary>A PEM EC P-256 private key (PKCS#8 or SEC1); when set it signs.</summary>
    [ConfigurationKeyName("PRIVATE_KEY")]
    public string? PrivateKey { get; set; }

    /// <summary>Every *.pem in it is a key: the newest signs, the older ones still verify.</summary>
    [ConfigurationKeyName("SIGNING_KEYS_DIR")]
    public string? SigningKeysDir { get; set; }
}

using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Crypto.Secrets;

internal sealed class ServerSecretOptions
{
    public const string Section = "AUTH";

    /// <summary>Keys every stored HMAC (refresh tokens, codes, API keys); changing it invalidates them all.</summary>
    [ConfigurationKeyName("HMAC_SECRET")]
    public string? HmacSecret { get; set; }

    /// <summary>JWT__SIGNING_KEYS_DIR: where a development secret is generated when none is set.</summary>
    public string? SigningKeysDir { get; set; }
}

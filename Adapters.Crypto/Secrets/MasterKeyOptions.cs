using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Crypto.Secrets;

internal sealed class MasterKeyOptions
{
    public const string Section = "CRYPTO";

    /// <summary>Base64 of 32+ random bytes; encrypts every secret stored for reading back.</summary>
    [ConfigurationKeyName("MASTER_KEY")]
    public string? MasterKey { get; set; }

    /// <summary>Comma-separated retired master keys that still decrypt (values are re-encrypted when touched).</summary>
    [ConfigurationKeyName("PREVIOUS_KEYS")]
    public string? PreviousKeys { get; set; }

    /// <summary>JWT__SIGNING_KEYS_DIR: where a development key is generated when none is set.</summary>
    public string? SigningKeysDir { get; set; }
}

using System.Security.Cryptography;

namespace AuthService.Application.Webhooks;

/// <summary>
/// Endpoint secrets are Standard Webhooks secrets, <c>whsec_</c> + base64 of the HMAC key. The
/// service must read them back to sign, so they are stored encrypted (AES-256-GCM under
/// CRYPTO__MASTER_KEY) and bound to their endpoint's id.
/// </summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";
    private const string Purpose = "webhook-secret";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A whsec_ value whose key is 16 to 64 bytes.</summary>
    public static bool IsValid(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var length) && length is >= 16 and <= 64;
    }

    public static string Seal(ISecretCipher cipher, Guid endpointId, string secret) =>
        cipher.EncryptText(secret, new SecretContext(endpointId, Purpose));

    public static string? Open(ISecretCipher cipher, Guid endpointId, string sealedSecret) =>
        cipher.DecryptText(sealedSecret, new SecretContext(endpointId, Purpose));
}

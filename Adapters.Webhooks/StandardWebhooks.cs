using System.Security.Cryptography;
using System.Text;

namespace AuthService.Adapters.Webhooks;

/// <summary>
/// Signing per the Standard Webhooks spec: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of
/// "{id}.{timestamp}.{body}"&gt;</c>, keyed with the base64-decoded part of the <c>whsec_</c> secret.
/// </summary>
internal static class StandardWebhooks
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, long timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        CryptographicOperations.ZeroMemory(key);
        return signature;
    }
}

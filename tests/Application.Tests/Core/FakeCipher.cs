using System.Text;

namespace AuthService.Application.Tests.Core;

/// <summary>
/// A readable stand-in for the AES-GCM adapter (NSubstitute cannot take span arguments): the
/// value names its context, so a test sees what it was bound to, and another context does not open it.
/// </summary>
internal sealed class FakeCipher : ISecretCipher
{
    public string Encrypt(ReadOnlySpan<byte> plaintext, SecretContext context) =>
        $"sealed:{context.OwnerId:N}:{context.Purpose}:{Convert.ToBase64String(plaintext)}";

    public DecryptedSecret? Decrypt(string stored, SecretContext context)
    {
        var prefix = $"sealed:{context.OwnerId:N}:{context.Purpose}:";
        return stored.StartsWith(prefix, StringComparison.Ordinal)
            ? new DecryptedSecret(Convert.FromBase64String(stored[prefix.Length..]), IsStale: false)
            : null;
    }

    public static string Open(string stored) => Encoding.UTF8.GetString(Convert.FromBase64String(stored[(stored.LastIndexOf(':') + 1)..]));
}

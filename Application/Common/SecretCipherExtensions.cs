using System.Text;

namespace AuthService.Application.Common;

/// <summary>Text in, text out, for values such as message bodies.</summary>
public static class SecretCipherExtensions
{
    public static string EncryptText(this ISecretCipher cipher, string plaintext, SecretContext context) =>
        cipher.Encrypt(Encoding.UTF8.GetBytes(plaintext), context);

    /// <summary>Null when the value does not decrypt under <paramref name="context"/>.</summary>
    public static string? DecryptText(this ISecretCipher cipher, string stored, SecretContext context) =>
        cipher.Decrypt(stored, context) is { } secret ? Encoding.UTF8.GetString(secret.Plaintext) : null;
}

namespace AuthService.Application.Outbox;

/// <summary>
/// The text of an e-mail or SMS carries a code, so a pending row holds it only encrypted
/// (AES-256-GCM under CRYPTO__MASTER_KEY), bound to its own row id: a body copied to another row
/// does not decrypt. Once sent, the body is deleted.
/// </summary>
internal static class OutboxBody
{
    public const string Purpose = "outbox-body";

    public static string Seal(ISecretCipher cipher, Guid messageId, string text) =>
        cipher.EncryptText(text, new SecretContext(messageId, Purpose));

    public static string? Open(ISecretCipher cipher, Guid messageId, string sealedBody) =>
        cipher.DecryptText(sealedBody, new SecretContext(messageId, Purpose));
}

using System.Security.Cryptography;
using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class SecretCipherTests
{
    private static readonly SecretContext Alice = new(Guid.CreateVersion7(), "totp-secret");

    [Fact]
    public void Encrypt_ThenDecrypt_GivesThePlaintextWithAFreshNonceEachTime()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var cipher = sp.GetRequiredService<ISecretCipher>();

        var first = cipher.EncryptText("JBSWY3DPEHPK3PXP", Alice);
        var second = cipher.EncryptText("JBSWY3DPEHPK3PXP", Alice);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", first, StringComparison.Ordinal);
        Assert.Matches(@"^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+$", first);
        Assert.Equal("JBSWY3DPEHPK3PXP", cipher.DecryptText(first, Alice));
        Assert.False(cipher.Decrypt(second, Alice)!.IsStale);
        Assert.Equal(string.Empty, cipher.DecryptText(cipher.EncryptText(string.Empty, Alice), Alice));
    }

    [Fact]
    public void Decrypt_OfAValueMovedToAnotherUsersRowOrPurpose_Fails()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var cipher = sp.GetRequiredService<ISecretCipher>();
        var stored = cipher.EncryptText("JBSWY3DPEHPK3PXP", Alice);

        Assert.Null(cipher.Decrypt(stored, Alice with { OwnerId = Guid.CreateVersion7() }));
        Assert.Null(cipher.Decrypt(stored, Alice with { Purpose = "outbox-body" }));
    }

    [Fact]
    public void Decrypt_WithAnyBitFlipped_Fails()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var cipher = sp.GetRequiredService<ISecretCipher>();
        var stored = cipher.EncryptText("JBSWY3DPEHPK3PXP", Alice);
        var prefix = stored[..(stored.LastIndexOf('.') + 1)];
        var sealedBytes = System.Buffers.Text.Base64Url.DecodeFromChars(stored.AsSpan(prefix.Length));

        // Every bit of nonce, ciphertext and tag is covered by the tag.
        for (var bit = 0; bit < sealedBytes.Length * 8; bit++)
        {
            var copy = (byte[])sealedBytes.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(cipher.Decrypt(prefix + System.Buffers.Text.Base64Url.EncodeToString(copy), Alice));
        }

        Assert.Null(cipher.Decrypt(stored[..^2], Alice));
        Assert.Null(cipher.Decrypt("v2" + stored[2..], Alice));
        Assert.Null(cipher.Decrypt("not a value", Alice));
        Assert.Null(cipher.Decrypt(string.Empty, Alice));
        Assert.Null(cipher.Decrypt("v1.AAAAAAAA.AAAA", Alice));
    }

    [Fact]
    public void Rotation_PreviousKeysStillDecrypt_AndTheirValuesAreStale()
    {
        string old;
        using (var before = Start(CryptoSettings.WithPrivateKey()))
        {
            old = before.GetRequiredService<ISecretCipher>().EncryptText("seed", Alice);
        }

        var rotated = CryptoSettings.WithPrivateKey();
        rotated["CRYPTO:MASTER_KEY"] = NewKey();
        rotated["CRYPTO:PREVIOUS_KEYS"] = $"{NewKey()}, {CryptoSettings.MasterKey}";
        using var after = Start(rotated);
        var cipher = after.GetRequiredService<ISecretCipher>();

        var decrypted = cipher.Decrypt(old, Alice);
        Assert.NotNull(decrypted);
        Assert.True(decrypted.IsStale);
        Assert.Equal("seed", Encoding.UTF8.GetString(decrypted.Plaintext));

        var renewed = cipher.Encrypt(decrypted.Plaintext, Alice);
        Assert.False(cipher.Decrypt(renewed, Alice)!.IsStale);
        Assert.NotEqual(old.Split('.')[1], renewed.Split('.')[1]);

        // Once the old key is dropped, its values no longer decrypt; the renewed one still does.
        rotated.Remove("CRYPTO:PREVIOUS_KEYS");
        using var dropped = Start(rotated);
        Assert.Null(dropped.GetRequiredService<ISecretCipher>().Decrypt(old, Alice));
        Assert.Equal("seed", dropped.GetRequiredService<ISecretCipher>().DecryptText(renewed, Alice));
    }

    [Theory]
    [InlineData("CRYPTO:MASTER_KEY", "too-short", "CRYPTO__MASTER_KEY")]
    [InlineData("CRYPTO:MASTER_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "CRYPTO__MASTER_KEY")]
    [InlineData("CRYPTO:MASTER_KEY", "not base64 at all, though it is long enough!!", "CRYPTO__MASTER_KEY")]
    [InlineData("CRYPTO:PREVIOUS_KEYS", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=,short", "CRYPTO__PREVIOUS_KEYS")]
    public void Start_WithAShortOrMalformedKey_FailsNamingTheVariable(string key, string value, string variable)
    {
        var settings = CryptoSettings.WithPrivateKey();
        settings[key] = value;

        var message = CryptoSettings.StartFailure(settings);

        Assert.Contains(variable, message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithoutMasterKeyOrKeysDir_FailsNamingTheVariable()
    {
        var settings = CryptoSettings.WithPrivateKey();
        settings.Remove("CRYPTO:MASTER_KEY");

        Assert.Contains("CRYPTO__MASTER_KEY", CryptoSettings.StartFailure(settings), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Start_WithKeysDirOnly_GeneratesTheMasterKeyOnceOwnerOnly() =>
        CryptoSettings.AssertGeneratedOnceOwnerOnly(
            "master.key",
            "CRYPTO:MASTER_KEY",
            sp => sp.GetRequiredService<ISecretCipher>().EncryptText("seed", Alice),
            (sp, stored) => Assert.Equal("seed", sp.GetRequiredService<ISecretCipher>().DecryptText(stored, Alice)));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static ServiceProvider Start(Dictionary<string, string?> settings) => CryptoSettings.Start(settings);
}

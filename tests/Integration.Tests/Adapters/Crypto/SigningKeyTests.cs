using System.Security.Cryptography;
using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class SigningKeyTests
{
    private readonly ManualTimeProvider _time = new(TokenFactory.Now);

    [Fact]
    public async Task KeysDir_WithTwoKeys_NewestSignsAndBothVerify()
    {
        using var dir = new TempDirectory();
        var oldPem = CryptoSettings.NewPem();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "signing-20250101000000.pem"), oldPem);

        // A token signed while the old key was the only one.
        string oldToken;
        string oldKid;
        using (var before = CryptoSettings.Start(CryptoSettings.WithKeysDir(dir.Path), _time))
        {
            oldKid = TokenIssuerTests.JwksKids(before).Single();
            var user = TokenFactory.User();
            oldToken = before.GetRequiredService<ITokenIssuer>().Issue(user, TokenFactory.Session(user), _time.Now).Token;
        }

        await File.WriteAllTextAsync(Path.Combine(dir.Path, "signing-20260101000000.pem"), CryptoSettings.NewPem());
        using var after = CryptoSettings.Start(CryptoSettings.WithKeysDir(dir.Path), _time);
        var issuer = after.GetRequiredService<ITokenIssuer>();
        var kids = TokenIssuerTests.JwksKids(after);

        Assert.Equal(2, kids.Count);
        Assert.Equal(oldKid, kids[1]);
        var newUser = TokenFactory.User();
        var newToken = issuer.Issue(newUser, TokenFactory.Session(newUser), _time.Now).Token;
        using (var header = TokenIssuerTests.Part(newToken, 0))
        {
            Assert.Equal(kids[0], header.RootElement.GetProperty("kid").GetString());
        }

        Assert.Equal(AccessTokenFailure.None, (await issuer.ValidateAsync(newToken, default)).Failure);
        Assert.Equal(AccessTokenFailure.None, (await issuer.ValidateAsync(oldToken, default)).Failure);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeysDir_Empty_GeneratesOneOwnerOnlyKeyAndReusesIt()
    {
        using var dir = new TempDirectory();
        var keysDir = Path.Combine(dir.Path, "keys");

        string kid;
        using (var first = CryptoSettings.Start(CryptoSettings.WithKeysDir(keysDir), _time))
        {
            kid = TokenIssuerTests.JwksKids(first).Single();
        }

        var file = Assert.Single(Directory.GetFiles(keysDir, "*.pem"));
        Assert.Equal("signing-20261122100000.pem", Path.GetFileName(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        using var second = CryptoSettings.Start(CryptoSettings.WithKeysDir(keysDir), _time);
        Assert.Equal(kid, TokenIssuerTests.JwksKids(second).Single());
        Assert.Single(Directory.GetFiles(keysDir, "*.pem"));
    }

    [Fact]
    public async Task PrivateKey_InSec1FormatWithEscapedNewlines_Works()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var oneLine = ecdsa.ExportECPrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal);
        using var sp = CryptoSettings.Start(CryptoSettings.WithPrivateKey(oneLine), _time);
        var issuer = sp.GetRequiredService<ITokenIssuer>();
        var user = TokenFactory.User();

        var token = issuer.Issue(user, TokenFactory.Session(user), _time.Now).Token;

        Assert.Equal(AccessTokenFailure.None, (await issuer.ValidateAsync(token, default)).Failure);
    }

    [Fact]
    public void Start_WithoutAnyKey_FailsNamingBothVariables()
    {
        var message = CryptoSettings.StartFailure(new Dictionary<string, string?> { ["AUTH:HMAC_SECRET"] = CryptoSettings.HmacSecret });

        Assert.Contains("JWT__SIGNING_KEYS_DIR", message, StringComparison.Ordinal);
        Assert.Contains("JWT__PRIVATE_KEY", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithRsaPrivateKey_FailsNamingTheVariable()
    {
        using var rsa = RSA.Create(2048);

        var message = CryptoSettings.StartFailure(CryptoSettings.WithPrivateKey(rsa.ExportPkcs8PrivateKeyPem()));

        Assert.Contains("JWT__PRIVATE_KEY", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithP384KeyInDir_FailsNamingTheVariable()
    {
        using var dir = new TempDirectory();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        File.WriteAllText(Path.Combine(dir.Path, "signing-1.pem"), p384.ExportPkcs8PrivateKeyPem());

        var message = CryptoSettings.StartFailure(CryptoSettings.WithKeysDir(dir.Path));

        Assert.Contains("JWT__SIGNING_KEYS_DIR", message, StringComparison.Ordinal);
    }
}

using AuthService.Adapters.Crypto;
using AuthService.Application.Mfa;
using OtpNet;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class TotpAlgorithmTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 10, TimeSpan.Zero);

    [Fact]
    public void Codes_AreAcceptedWithinOneStepEitherWay_AndNamedByTheirStep()
    {
        using var sp = CryptoSettings.Start(CryptoSettings.WithPrivateKey());
        var totp = sp.GetRequiredService<ITotpAlgorithm>();
        var secret = totp.NewSecret();
        var app = new Totp(secret);
        var step = Now.ToUnixTimeSeconds() / 30;

        Assert.Equal(20, secret.Length);
        Assert.Equal(step, totp.MatchStep(secret, app.ComputeTotp(Now.UtcDateTime), Now));
        Assert.Equal(step - 1, totp.MatchStep(secret, app.ComputeTotp(Now.UtcDateTime.AddSeconds(-30)), Now));
        Assert.Equal(step + 1, totp.MatchStep(secret, app.ComputeTotp(Now.UtcDateTime.AddSeconds(30)), Now));
        Assert.Null(totp.MatchStep(secret, app.ComputeTotp(Now.UtcDateTime.AddSeconds(-60)), Now));
        Assert.Null(totp.MatchStep(secret, app.ComputeTotp(Now.UtcDateTime.AddSeconds(60)), Now));
        Assert.Null(totp.MatchStep(totp.NewSecret(), app.ComputeTotp(Now.UtcDateTime), Now));
    }

    [Fact]
    public void Provisioning_GivesTheUriAuthenticatorAppsRead_AndItsQrCodeAsSvg()
    {
        var settings = CryptoSettings.WithPrivateKey();
        settings["WEBAUTHN:RP_NAME"] = "Acme Cloud";
        using var sp = CryptoSettings.Start(settings);
        var totp = sp.GetRequiredService<ITotpAlgorithm>();
        var secret = totp.NewSecret();

        var (uri, svg) = totp.Provisioning(secret, "ada@example.test");

        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains("secret=" + totp.ToBase32(secret), uri, StringComparison.Ordinal);
        Assert.Contains("issuer=Acme%20Cloud", uri, StringComparison.Ordinal);
        Assert.Contains("ada%40example.test", uri, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(secret, Base32Encoding.ToBytes(totp.ToBase32(secret)));
    }
}

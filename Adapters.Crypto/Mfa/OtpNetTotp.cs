using System.Globalization;
using System.Security.Cryptography;
using AuthService.Application.Mfa;
using OtpNet;
using QRCoder;

namespace AuthService.Adapters.Crypto.Mfa;

/// <summary>RFC 6238 with Otp.NET: SHA-1, 6 digits, 30 s steps, one step of drift either way.</summary>
internal sealed class OtpNetTotp(WebAuthnSettings settings) : ITotpAlgorithm
{
    private const int SecretBytes = 20;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public long? MatchStep(byte[] secret, string code, DateTimeOffset now)
    {
        var totp = new Totp(secret, step: 30, mode: OtpHashMode.Sha1, totpSize: 6);

        // Otp.NET compares each candidate in constant time.
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, Window) ? step : null;
    }

    public (string Uri, string QrSvg) Provisioning(byte[] secret, string account)
    {
        var uri = new OtpUri(OtpType.Totp, ToBase32(secret), account, settings.RpName, OtpHashMode.Sha1, digits: 6, period: 30).ToString();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return (uri, svg.ToString(CultureInfo.InvariantCulture));
    }
}

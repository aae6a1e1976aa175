namespace AuthService.Application.Mfa;

/// <summary>RFC 6238 TOTP (SHA-1, 6 digits, 30 s steps) and its enrolment artefacts.</summary>
public interface ITotpAlgorithm
{
    /// <summary>A new random 160-bit seed.</summary>
    byte[] NewSecret();

    /// <summary>The seed as the Base32 text authenticator apps accept when typed in.</summary>
    string ToBase32(byte[] secret);

    /// <summary>The time step the code is valid for within ±1 step of <paramref name="now"/>; null when none.</summary>
    long? MatchStep(byte[] secret, string code, DateTimeOffset now);

    /// <summary>The <c>otpauth://totp/...</c> URI and its QR code as an SVG document.</summary>
    (string Uri, string QrSvg) Provisioning(byte[] secret, string account);
}

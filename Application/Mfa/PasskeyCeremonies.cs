using AuthService.Domain.Common;

namespace AuthService.Application.Mfa;

internal static class PasskeyCeremonies
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A browser's credential JSON is a few kilobytes; anything far beyond is refused unread.</summary>
    public const int MaxCredentialLength = 64 * 1024;

    /// <summary>Deliberately vague: which check failed (origin, challenge, signature) helps only an attacker.</summary>
    public static Error Refused => new(ErrorCode.InvalidCredentials, "The passkey could not be verified.");

    public static Error RegistrationRefused =>
        Error.Validation("credential", "could not be verified: start again with fresh options from this site");

    public static Error? CheckCredential(string? credentialJson) =>
        string.IsNullOrWhiteSpace(credentialJson)
            ? Error.Validation("credential", "is required: the object PublicKeyCredential.toJSON() returns")
            : credentialJson.Length > MaxCredentialLength ? Error.Validation("credential", "is too large") : null;
}

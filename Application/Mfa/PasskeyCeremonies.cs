namespace AuthService.Application.Mfa;

internal static class PasskeyCeremonies
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Deliberately vague: which check failed (origin, challenge, signature) helps only an attacker.</summary>
    public static Error Refused => new(ErrorCode.InvalidCredentials, "The passkey could not be verified.");

    public static Error RegistrationRefused =>
        Error.Validation("credential", "could not be verified: start again with fresh options from this site");

    /// <summary>A ceremony's options kept until its answer comes back, at most <see cref="Lifetime"/>.</summary>
    public static WebAuthnChallenge Challenge(
        WebAuthnCeremony ceremony, WebAuthnPurpose purpose, Guid? userId, Guid? pendingSignInId, DateTimeOffset now) =>
        new(ceremony.Challenge, purpose, userId, pendingSignInId, ceremony.OptionsJson, now + Lifetime);
}

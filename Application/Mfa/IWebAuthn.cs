using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

/// <param name="Challenge">base64url, as it comes back in the client data.</param>
/// <param name="OptionsJson">The WebAuthn Level 3 JSON options, kept to verify the answer against.</param>
public sealed record WebAuthnCeremony(string Challenge, string OptionsJson);

public sealed record NewCredential(byte[] CredentialId, byte[] PublicKey, long SignCount, IReadOnlyList<string> Transports, Guid AaGuid);

/// <summary>What an assertion says about itself before it is verified.</summary>
public sealed record AssertionClaims(string Challenge, byte[] CredentialId, byte[]? UserHandle);

public enum AssertionOutcome
{
    Valid,
    Invalid,

    /// <summary>A good signature with a counter that did not move forward: a cloned authenticator.</summary>
    CounterNotIncreased,
}

public sealed record AssertionResult(AssertionOutcome Outcome, long SignCount);

/// <summary>
/// The relying party's WebAuthn ceremonies (WEBAUTHN__RP_ID, WEBAUTHN__ORIGINS): attestation
/// "none", user verification required, resident keys preferred.
/// </summary>
public interface IWebAuthn
{
    WebAuthnCeremony CreationOptions(Guid userId, string name, string displayName, IReadOnlyList<byte[]> existing);

    /// <summary>Null when the attestation does not verify against the options (origin, challenge, UV...).</summary>
    Task<NewCredential?> VerifyRegistrationAsync(string optionsJson, string credentialJson, CancellationToken ct);

    WebAuthnCeremony RequestOptions(IReadOnlyList<byte[]> allowed);

    /// <summary>The challenge of a registration or assertion response; null when it is not one.</summary>
    string? ChallengeOf(string credentialJson);

    /// <summary>Null when it is not an assertion response.</summary>
    AssertionClaims? ReadAssertion(string credentialJson);

    Task<AssertionResult> VerifyAssertionAsync(string optionsJson, string credentialJson, Passkey stored, CancellationToken ct);
}

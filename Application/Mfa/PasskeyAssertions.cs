using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

/// <summary>
/// Checks a sign-in assertion: its challenge is taken (so it works once), the credential is
/// known (and, when <paramref name="ownerId"/> is given, that user's), the signature verifies
/// against the stored key, and the counter moves forward. A counter that does not is audited.
/// </summary>
internal sealed class PasskeyAssertions(
    IPasskeyRepository passkeys, IWebAuthn webAuthn, Auditor audit, TimeProvider clock)
{
    public async Task<Result<Passkey>> VerifyAsync(
        string credentialJson, WebAuthnPurpose purpose, Guid? ownerId, Guid? pendingSignInId, ClientInfo client, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claims = webAuthn.ReadAssertion(credentialJson);
        var challenge = claims is null ? null : await passkeys.TakeChallengeAsync(claims.Challenge, purpose, now, ct);
        if (claims is null || challenge is null || challenge.PendingSignInId != pendingSignInId)
        {
            return PasskeyCeremonies.Refused;
        }

        var passkey = await passkeys.FindByCredentialIdAsync(claims.CredentialId, ct);
        if (passkey is null || (ownerId is { } owner && passkey.UserId != owner)
            || (claims.UserHandle is { } handle && !handle.AsSpan().SequenceEqual(passkey.UserId.ToByteArray(bigEndian: true))))
        {
            return PasskeyCeremonies.Refused;
        }

        var result = await webAuthn.VerifyAssertionAsync(challenge.OptionsJson, credentialJson, passkey, ct);
        var stored = passkey.SignCount;

        // The entity says whether the counter moves forward; the conditional UPDATE says it again
        // under the row lock, so a replay racing the original succeeds once.
        var cloned = result.Outcome == AssertionOutcome.CounterNotIncreased
            || (result.Outcome == AssertionOutcome.Valid
                && (!passkey.TryAdvanceCounter(result.SignCount, now)
                    || !await passkeys.AdvanceCounterAsync(passkey.Id, result.SignCount, now, ct)));
        if (cloned)
        {
            await audit.RecordAsync(MfaAuditActions.PasskeyCloneSuspected, passkey.UserId, client, ct, new Dictionary<string, object?>
            {
                ["passkey_id"] = passkey.Id,
                ["stored_count"] = stored,
                ["reported_count"] = result.SignCount,
            });
        }

        return result.Outcome == AssertionOutcome.Valid && !cloned ? passkey : PasskeyCeremonies.Refused;
    }
}

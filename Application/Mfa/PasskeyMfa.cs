using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public interface IStartPasskeyMfa
{
    /// <summary>Request options listing the user's passkeys, for the sign-in behind the mfa_token.</summary>
    Task<Result<string>> ExecuteAsync(string? mfaToken, ClientInfo client, CancellationToken ct);
}

public interface IVerifyPasskeyMfa
{
    Task<Result<TokenResponse>> ExecuteAsync(string? mfaToken, string? credentialJson, ClientInfo client, CancellationToken ct);
}

/// <summary>A passkey as the second factor of a password, one-time-code or OAuth sign-in.</summary>
internal sealed class StartPasskeyMfa(
    IPendingSignInRepository pending,
    IPasskeyRepository passkeys,
    IWebAuthn webAuthn,
    ISecretHasher hasher,
    IUnitOfWork uow,
    TimeProvider clock) : IStartPasskeyMfa
{
    public async Task<Result<string>> ExecuteAsync(string? mfaToken, ClientInfo client, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(mfaToken))
        {
            return Error.Validation("mfa_token", "is required");
        }

        // Asking for options costs no attempt (a closed browser dialog is no guess); the answer does.
        var now = clock.GetUtcNow();
        var signIn = mfaToken.Length <= 128 ? await pending.FindUsableAsync(hasher.Hash(mfaToken), now, ct) : null;
        var mine = signIn is not null && signIn.IsFrom(client.Ip, client.UserAgent)
            ? await passkeys.ListAsync(signIn.UserId, ct)
            : [];
        if (signIn is null || mine.Count == 0)
        {
            return new Error(ErrorCode.InvalidToken, "The mfa_token is not valid for a passkey: it is unknown, expired or used up, or the account has no passkey.");
        }

        var ceremony = webAuthn.RequestOptions(mine.Select(p => p.CredentialId).ToArray());
        await passkeys.SaveChallengeAsync(
            new WebAuthnChallenge(ceremony.Challenge, WebAuthnPurpose.Mfa, signIn.UserId, signIn.Id, ceremony.OptionsJson, now + PasskeyCeremonies.Lifetime),
            ct);
        await uow.CommitAsync(ct);
        return ceremony.OptionsJson;
    }
}

internal sealed class VerifyPasskeyMfa(
    PendingSignIns signIns, PasskeyAssertions assertions, Auditor audit, IUnitOfWork uow) : IVerifyPasskeyMfa
{
    public async Task<Result<TokenResponse>> ExecuteAsync(string? mfaToken, string? credentialJson, ClientInfo client, CancellationToken ct)
    {
        if (PasskeyCeremonies.CheckCredential(credentialJson) is { } invalid)
        {
            return invalid;
        }

        var attempt = await signIns.BeginAttemptAsync(mfaToken, client, ct);
        if (!attempt.IsSuccess)
        {
            return attempt.Error!;
        }

        var signIn = attempt.Value.SignIn;
        var passkey = await assertions.VerifyAsync(credentialJson!, WebAuthnPurpose.Mfa, signIn.UserId, signIn.Id, client, ct);
        if (!passkey.IsSuccess)
        {
            await audit.RecordAsync(MfaAuditActions.Failed, signIn.UserId, client, ct,
                new Dictionary<string, object?> { ["method"] = "passkey", ["attempt"] = signIn.Attempts });
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.InvalidMfaCode, "The passkey could not be verified.");
        }

        return await signIns.CompleteAsync(attempt.Value, Amr.HardwareKey, "passkey", client, ct);
    }
}

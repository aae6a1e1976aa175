using AuthService.Application.Sessions;
using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

/// <summary>
/// Where every sign-in's first step ends (password, one-time code, OAuth): a user without a
/// second factor gets a session; one with a factor gets 403 MFA_REQUIRED and an mfa_token
/// instead, and the session opens only when <see cref="IVerifyMfa"/> (or the passkey pair)
/// proves the factor. Runs in the caller's unit of work; the caller commits either way (the
/// pending sign-in is written in it).
/// </summary>
public interface ISecondFactorGate
{
    /// <summary>Tokens for a user without a second factor; else MFA_REQUIRED with a new mfa_token.</summary>
    Task<Result<TokenResponse>> SignInAsync(User user, string authMethod, string? deviceName, ClientInfo client, CancellationToken ct);
}

internal sealed class SecondFactorGate(
    IMfaFactorRepository factors,
    IPendingSignInRepository pending,
    ISessionStarter sessions,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IIdGenerator ids,
    Auditor audit,
    TimeProvider clock) : ISecondFactorGate
{
    public async Task<Result<TokenResponse>> SignInAsync(
        User user, string authMethod, string? deviceName, ClientInfo client, CancellationToken ct)
    {
        var summary = await factors.GetSummaryAsync(user.Id, ct);
        if (!summary.HasFactor)
        {
            return await sessions.StartAsync(user, authMethod, deviceName, client, ct);
        }

        var now = clock.GetUtcNow();
        var token = secrets.NewOpaqueToken();
        var signIn = PendingSignIn.Begin(
            ids.NewId(), user.Id, authMethod, Amr.ForMethod(authMethod), deviceName, client.Ip, client.UserAgent, now);
        await pending.CreateAsync(signIn, hasher.Hash(token), ct);
        await audit.RecordAsync(MfaAuditActions.Challenged, user.Id, client, ct,
            new Dictionary<string, object?> { ["method"] = authMethod });
        return MfaRequired(token, summary);
    }

    private static Error MfaRequired(string token, MfaSummary summary)
    {
        var methods = new List<string>(3);
        if (summary.Totp)
        {
            methods.Add("totp");
        }

        if (summary.RecoveryCodesLeft > 0)
        {
            methods.Add("recovery_code");
        }

        if (summary.Passkeys > 0)
        {
            methods.Add("passkey");
        }

        return new Error(
            ErrorCode.MfaRequired,
            "A second factor is required: send the mfa_token with a code to /api/v1/auth/mfa/verify, or use a passkey.",
            Details: new Dictionary<string, object>
            {
                ["mfa_token"] = token,
                ["methods"] = methods,
                ["expires_in"] = (int)PendingSignIn.Lifetime.TotalSeconds,
            });
    }
}

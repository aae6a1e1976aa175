using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

public interface IStartPasskeySignIn
{
    /// <summary>Request options; with an email of a known account, its passkeys are listed (else any discoverable one).</summary>
    Task<Result<string>> ExecuteAsync(string? email, CancellationToken ct);
}

public interface IVerifyPasskeySignIn
{
    Task<Result<TokenResponse>> ExecuteAsync(string? credentialJson, string? deviceName, ClientInfo client, CancellationToken ct);
}

/// <summary>Passwordless sign-in with a discoverable credential: a passkey with user verification is two factors by itself.</summary>
internal sealed class StartPasskeySignIn(
    IUserRepository users, IPasskeyRepository passkeys, IWebAuthn webAuthn, IUnitOfWork uow, TimeProvider clock) : IStartPasskeySignIn
{
    public async Task<Result<string>> ExecuteAsync(string? email, CancellationToken ct)
    {
        IReadOnlyList<byte[]> allowed = [];
        if (!string.IsNullOrWhiteSpace(email))
        {
            if (email.Length > 254)
            {
                return Error.Validation("email", "is too long");
            }

            // An unknown address gets the same answer as a known one without passkeys: no probing.
            var user = await ContactLookup.FindAsync(users, IdentifierKind.Email, ContactLookup.Normalize(IdentifierKind.Email, email), ct);
            if (user is { IsActive: true })
            {
                allowed = (await passkeys.ListAsync(user.Id, ct)).Select(p => p.CredentialId).ToArray();
            }
        }

        var ceremony = webAuthn.RequestOptions(allowed);
        await passkeys.SaveChallengeAsync(
            new WebAuthnChallenge(ceremony.Challenge, WebAuthnPurpose.Passwordless, null, null, ceremony.OptionsJson, clock.GetUtcNow() + PasskeyCeremonies.Lifetime),
            ct);
        await uow.CommitAsync(ct);
        return ceremony.OptionsJson;
    }
}

internal sealed class VerifyPasskeySignIn(
    PasskeyAssertions assertions,
    IUserRepository users,
    ISessionStarter sessions,
    Auditor audit,
    IUnitOfWork uow) : IVerifyPasskeySignIn
{
    public async Task<Result<TokenResponse>> ExecuteAsync(string? credentialJson, string? deviceName, ClientInfo client, CancellationToken ct)
    {
        if (PasskeyCeremonies.CheckCredential(credentialJson) is { } invalid)
        {
            return invalid;
        }

        if (deviceName is { Length: > 100 })
        {
            return Error.Validation("device_name", "must be at most 100 characters");
        }

        var passkey = await assertions.VerifyAsync(credentialJson!, WebAuthnPurpose.Passwordless, null, null, client, ct);
        var user = passkey.IsSuccess ? await users.FindByIdAsync(passkey.Value.UserId, ct) : null;
        if (user is null)
        {
            await audit.RecordAsync(AuditAction.LoginFailed, passkey.IsSuccess ? passkey.Value.UserId : null, client, ct,
                new Dictionary<string, object?> { ["method"] = AuthMethods.Passkey });
            await uow.CommitAsync(ct);
            return PasskeyCeremonies.Refused;
        }

        if (!user.IsActive)
        {
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        var tokens = await sessions.StartAsync(user, AuthMethods.Passkey, deviceName, client, ct);
        await audit.RecordAsync(AuditAction.LoginSucceeded, user.Id, client, ct, new Dictionary<string, object?>
        {
            ["method"] = AuthMethods.Passkey,
            ["passkey_id"] = passkey.Value.Id,
            ["session_id"] = tokens.SessionId,
        });
        await uow.CommitAsync(ct);
        return tokens;
    }
}

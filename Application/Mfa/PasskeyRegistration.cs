using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public sealed record PasskeyView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static PasskeyView From(Passkey passkey) => new(passkey.Id, passkey.Name, passkey.CreatedAt, passkey.LastUsedAt);
}

public interface IStartPasskeyRegistration
{
    /// <summary>The creation options (WebAuthn JSON) for <c>navigator.credentials.create</c>.</summary>
    Task<Result<string>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

public interface IRegisterPasskey
{
    Task<Result<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, string? credentialJson, string? name, ClientInfo client, CancellationToken ct);
}

internal sealed class StartPasskeyRegistration(
    FactorChangeGuard guard, IPasskeyRepository passkeys, IWebAuthn webAuthn, IUnitOfWork uow, TimeProvider clock) : IStartPasskeyRegistration
{
    public async Task<Result<string>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var user = context.Value.User;
        var existing = await passkeys.ListAsync(user.Id, ct);
        var account = user.Email ?? user.Phone ?? user.Username ?? user.Id.ToString();
        var ceremony = webAuthn.CreationOptions(user.Id, account, user.Name ?? account, existing.Select(p => p.CredentialId).ToArray());
        await passkeys.SaveChallengeAsync(
            new WebAuthnChallenge(ceremony.Challenge, WebAuthnPurpose.Register, user.Id, null, ceremony.OptionsJson, clock.GetUtcNow() + PasskeyCeremonies.Lifetime),
            ct);
        await uow.CommitAsync(ct);
        return ceremony.OptionsJson;
    }
}

internal sealed class RegisterPasskey(
    FactorChangeGuard guard,
    IPasskeyRepository passkeys,
    IMfaFactorRepository factors,
    IWebAuthn webAuthn,
    IIdGenerator ids,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IRegisterPasskey
{
    public async Task<Result<PasskeyView>> ExecuteAsync(
        CurrentPrincipal principal, string? credentialJson, string? name, ClientInfo client, CancellationToken ct)
    {
        name = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
        if (name.Length > Passkey.MaxNameLength)
        {
            return Error.Validation("name", $"must be at most {Passkey.MaxNameLength} characters");
        }

        if (PasskeyCeremonies.CheckCredential(credentialJson) is { } invalid)
        {
            return invalid;
        }

        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var now = clock.GetUtcNow();
        var challenge = webAuthn.ChallengeOf(credentialJson!) is { } c
            ? await passkeys.TakeChallengeAsync(c, WebAuthnPurpose.Register, now, ct)
            : null;
        var credential = challenge is not null && challenge.UserId == principal.UserId
            ? await webAuthn.VerifyRegistrationAsync(challenge.OptionsJson, credentialJson!, ct)
            : null;
        await uow.CommitAsync(ct);
        if (credential is null)
        {
            return PasskeyCeremonies.RegistrationRefused;
        }

        var passkey = new Passkey
        {
            Id = ids.NewId(),
            UserId = principal.UserId,
            CredentialId = credential.CredentialId,
            PublicKey = credential.PublicKey,
            SignCount = credential.SignCount,
            Name = name,
            Transports = credential.Transports,
            AaGuid = credential.AaGuid,
            CreatedAt = now,
        };
        if (!await passkeys.AddAsync(passkey, ct))
        {
            return Error.Validation("credential", "this passkey is already registered");
        }

        // Proving a first factor here makes this session one that passed MFA (as TOTP confirmation does).
        if (!context.Value.Summary.HasFactor)
        {
            await factors.AddSessionAmrAsync(principal.SessionId, [Amr.HardwareKey, Amr.MultiFactor], ct);
        }

        await audit.RecordAsync(MfaAuditActions.PasskeyAdded, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["passkey_id"] = passkey.Id, ["aaguid"] = credential.AaGuid });
        await uow.CommitAsync(ct);
        return PasskeyView.From(passkey);
    }
}

using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

/// <param name="CredentialJson">What the browser's PublicKeyCredential.toJSON() returned for the creation options.</param>
/// <param name="Name">Optional: <see cref="Passkey.DefaultName"/> when blank.</param>
public sealed record RegisterPasskeyCommand(CurrentPrincipal Principal, string? CredentialJson, string? Name, ClientInfo Client);

public interface IRegisterPasskey
{
    Task<Result<PasskeyView>> ExecuteAsync(RegisterPasskeyCommand command, CancellationToken ct);
}

internal sealed class RegisterPasskeyCommandValidator : AbstractValidator<RegisterPasskeyCommand>
{
    public RegisterPasskeyCommandValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).OptionalPasskeyName();
        RuleFor(c => c.CredentialJson).Credential();
    }
}

internal sealed class RegisterPasskey(
    IValidator<RegisterPasskeyCommand> validator,
    FactorChangeGuard guard,
    IPasskeyRepository passkeys,
    IMfaFactorRepository factors,
    IWebAuthn webAuthn,
    IIdGenerator ids,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IRegisterPasskey
{
    public async Task<Result<PasskeyView>> ExecuteAsync(RegisterPasskeyCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var (principal, credentialJson) = (command.Principal, command.CredentialJson!);
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var now = clock.GetUtcNow();
        var challenge = webAuthn.ChallengeOf(credentialJson) is { } c
            ? await passkeys.TakeChallengeAsync(c, WebAuthnPurpose.Register, now, ct)
            : null;
        var credential = challenge is not null && challenge.UserId == principal.UserId
            ? await webAuthn.VerifyRegistrationAsync(challenge.OptionsJson, credentialJson, ct)
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
            Name = Passkey.NameOrDefault(command.Name),
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

        await audit.RecordAsync(MfaAuditActions.PasskeyAdded, principal.UserId, command.Client, ct,
            new Dictionary<string, object?> { ["passkey_id"] = passkey.Id, ["aaguid"] = credential.AaGuid });
        await uow.CommitAsync(ct);
        return PasskeyView.From(passkey);
    }
}

using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using FluentValidation;

namespace AuthService.Application.Mfa;

public sealed record VerifyPasskeyMfaCommand(string? MfaToken, string? CredentialJson, ClientInfo Client);

public interface IVerifyPasskeyMfa
{
    Task<Result<TokenResponse>> ExecuteAsync(VerifyPasskeyMfaCommand command, CancellationToken ct);
}

internal sealed class VerifyPasskeyMfaCommandValidator : AbstractValidator<VerifyPasskeyMfaCommand>
{
    public VerifyPasskeyMfaCommandValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.CredentialJson).Credential();
        RuleFor(c => c.MfaToken).MfaToken();
    }
}

/// <summary>The second step of a sign-in: the mfa_token and a passkey assertion.</summary>
internal sealed class VerifyPasskeyMfa(
    IValidator<VerifyPasskeyMfaCommand> validator,
    PendingSignIns signIns,
    PasskeyAssertions assertions,
    Auditor audit,
    IUnitOfWork uow) : IVerifyPasskeyMfa
{
    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyPasskeyMfaCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var client = command.Client;
        var attempt = await signIns.BeginAttemptAsync(command.MfaToken!, client, ct);
        if (!attempt.IsSuccess)
        {
            return attempt.Error!;
        }

        var signIn = attempt.Value.SignIn;
        var passkey = await assertions.VerifyAsync(command.CredentialJson!, WebAuthnPurpose.Mfa, signIn.UserId, signIn.Id, client, ct);
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

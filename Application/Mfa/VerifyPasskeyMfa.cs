using AuthService.Domain.Sessions;

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
    IValidator<VerifyPasskeyMfaCommand> validator, PendingSignIns signIns, PasskeyAssertions assertions) : IVerifyPasskeyMfa
{
    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyPasskeyMfaCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var proof = new SecondFactorProof(
            "passkey",
            Amr.HardwareKey,
            new Error(ErrorCode.InvalidMfaCode, "The passkey could not be verified."),
            async signIn => (await assertions.VerifyAsync(
                command.CredentialJson!, WebAuthnPurpose.Mfa, signIn.UserId, signIn.Id, command.Client, ct)).IsSuccess ? "passkey" : null);
        return await signIns.ProveAsync(command.MfaToken!, command.Client, proof, ct);
    }
}

using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public sealed record VerifyMfaCommand(string? MfaToken, string? Code, ClientInfo Client);

public interface IVerifyMfa
{
    Task<Result<TokenResponse>> ExecuteAsync(VerifyMfaCommand command, CancellationToken ct);
}

internal sealed class VerifyMfaCommandValidator : AbstractValidator<VerifyMfaCommand>
{
    public VerifyMfaCommandValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Code).FactorCode();
        RuleFor(c => c.MfaToken).MfaToken();
    }
}

/// <summary>The second step of a sign-in: the mfa_token and a TOTP or recovery code.</summary>
internal sealed class VerifyMfa(IValidator<VerifyMfaCommand> validator, PendingSignIns signIns, FactorCodeVerifier codes) : IVerifyMfa
{
    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyMfaCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var proof = new SecondFactorProof(
            "code", Amr.OneTimePassword, FactorCodeVerifier.InvalidCode, signIn => codes.VerifyAsync(signIn.UserId, command.Code!, ct));
        return await signIns.ProveAsync(command.MfaToken!, command.Client, proof, ct);
    }
}

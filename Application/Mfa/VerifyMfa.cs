using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using FluentValidation;

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
internal sealed class VerifyMfa(
    IValidator<VerifyMfaCommand> validator,
    PendingSignIns signIns,
    FactorCodeVerifier codes,
    Auditor audit,
    IUnitOfWork uow) : IVerifyMfa
{
    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyMfaCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var attempt = await signIns.BeginAttemptAsync(command.MfaToken!, command.Client, ct);
        if (!attempt.IsSuccess)
        {
            return attempt.Error!;
        }

        var signIn = attempt.Value.SignIn;
        var factor = await codes.VerifyAsync(signIn.UserId, command.Code!, ct);
        if (factor is null)
        {
            // The burned attempt is kept: five wrong codes void the token.
            await audit.RecordAsync(MfaAuditActions.Failed, signIn.UserId, command.Client, ct,
                new Dictionary<string, object?> { ["method"] = "code", ["attempt"] = signIn.Attempts });
            await uow.CommitAsync(ct);
            return FactorCodeVerifier.InvalidCode;
        }

        return await signIns.CompleteAsync(attempt.Value, Amr.OneTimePassword, factor, command.Client, ct);
    }
}

namespace AuthService.Application.Mfa;

/// <param name="Code">A current TOTP code or an unused recovery code.</param>
public sealed record DisableTotpCommand(CurrentPrincipal Principal, string? Code, ClientInfo Client);

public interface IDisableTotp
{
    Task<Result<Unit>> ExecuteAsync(DisableTotpCommand command, CancellationToken ct);
}

internal sealed class DisableTotpCommandValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpCommandValidator() => RuleFor(c => c.Code).FactorCode();
}

internal sealed class DisableTotp(
    IValidator<DisableTotpCommand> validator,
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    FactorCodeVerifier codes,
    Auditor audit,
    IUnitOfWork uow) : IDisableTotp
{
    public async Task<Result<Unit>> ExecuteAsync(DisableTotpCommand command, CancellationToken ct)
    {
        var (principal, client) = (command.Principal, command.Client);
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        if (!context.Value.Summary.Totp)
        {
            return Error.NotFound("The TOTP factor");
        }

        // The code is checked after the factor is known to exist: without one, 404 says more than 422.
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        if (await codes.ProveAsync(principal.UserId, command.Code!, ct) is { } failure)
        {
            await uow.CommitAsync(ct);
            return failure;
        }

        await factors.DeleteTotpAsync(principal.UserId, ct);
        await audit.RecordAsync(MfaAuditActions.TotpDisabled, principal.UserId, client, ct);
        if (context.Value.Summary.Passkeys == 0)
        {
            // No factor left: recovery codes would recover nothing, and the change is worth a trace of its own.
            await factors.DeleteRecoveryCodesAsync(principal.UserId, ct);
            await audit.RecordAsync(MfaAuditActions.AllFactorsRemoved, principal.UserId, client, ct,
                new Dictionary<string, object?> { ["reason"] = "totp_disabled" });
        }

        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}

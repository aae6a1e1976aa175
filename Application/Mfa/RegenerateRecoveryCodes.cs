namespace AuthService.Application.Mfa;

/// <param name="Code">A current TOTP code or an unused recovery code; a passkey-only user may omit it.</param>
public sealed record RegenerateRecoveryCodesCommand(CurrentPrincipal Principal, string? Code, ClientInfo Client);

public interface IRegenerateRecoveryCodes
{
    Task<Result<IReadOnlyList<string>>> ExecuteAsync(RegenerateRecoveryCodesCommand command, CancellationToken ct);
}

internal sealed class RegenerateRecoveryCodesCommandValidator : AbstractValidator<RegenerateRecoveryCodesCommand>
{
    public RegenerateRecoveryCodesCommandValidator() => RuleFor(c => c.Code).FactorCode();
}

internal sealed class RegenerateRecoveryCodes(
    IValidator<RegenerateRecoveryCodesCommand> validator,
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    FactorCodeVerifier codes,
    RecoveryCodes recovery,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IRegenerateRecoveryCodes
{
    public async Task<Result<IReadOnlyList<string>>> ExecuteAsync(RegenerateRecoveryCodesCommand command, CancellationToken ct)
    {
        var context = await guard.CheckAsync(command.Principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var summary = context.Value.Summary;
        if (!summary.HasFactor)
        {
            return Error.Validation("code", "recovery codes need a second factor: enrol TOTP or a passkey first");
        }

        // With TOTP, a fresh code proves the device is at hand; a passkey-only user proved it at sign-in.
        var userId = command.Principal.UserId;
        if (summary.Totp || command.Code is not null)
        {
            if (await validator.CheckAsync(command, ct) is { } invalid)
            {
                return invalid;
            }

            if (await codes.ProveAsync(userId, command.Code!, ct) is { } failure)
            {
                await uow.CommitAsync(ct);
                return failure;
            }
        }

        var fresh = RecoveryCodes.Generate();
        await factors.ReplaceRecoveryCodesAsync(userId, recovery.Hashes(userId, fresh), clock.GetUtcNow(), ct);
        await audit.RecordAsync(MfaAuditActions.RecoveryCodesRegenerated, userId, command.Client, ct);
        await uow.CommitAsync(ct);
        return Result<IReadOnlyList<string>>.Ok(fresh);
    }
}

using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public sealed record ConfirmTotpCommand(CurrentPrincipal Principal, string? Code, ClientInfo Client);

public interface IConfirmTotp
{
    /// <summary>The ten new recovery codes, shown this once.</summary>
    Task<Result<IReadOnlyList<string>>> ExecuteAsync(ConfirmTotpCommand command, CancellationToken ct);
}

internal sealed class ConfirmTotpCommandValidator : AbstractValidator<ConfirmTotpCommand>
{
    public ConfirmTotpCommandValidator() =>
        RuleFor(c => c.Code).Must(c => c is { Length: 6 } && c.All(char.IsAsciiDigit))
            .WithMessage("must be the 6-digit code shown by the authenticator app");
}

/// <summary>The first code proves the app holds the seed; TOTP is then required at sign-in.</summary>
internal sealed class ConfirmTotp(
    IValidator<ConfirmTotpCommand> validator,
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    ITotpAlgorithm totp,
    ISecretCipher cipher,
    RecoveryCodes recovery,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IConfirmTotp
{
    public async Task<Result<IReadOnlyList<string>>> ExecuteAsync(ConfirmTotpCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var context = await guard.CheckAsync(command.Principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var userId = command.Principal.UserId;
        var factor = await factors.FindTotpAsync(userId, ct);
        if (factor is null || factor.IsConfirmed)
        {
            return Error.Validation("code", "there is no pending TOTP enrolment; start one first");
        }

        var now = clock.GetUtcNow();
        var seed = cipher.Decrypt(factor.SecretCiphertext, FactorCodeVerifier.Context(userId));
        var step = seed is null ? null : totp.MatchStep(seed.Plaintext, command.Code!, now);
        if (step is not { } s || !factor.TryConfirm(s, now) || !await factors.ConfirmTotpAsync(userId, s, now, ct))
        {
            return FactorCodeVerifier.InvalidCode;
        }

        var codes = RecoveryCodes.Generate();
        await factors.ReplaceRecoveryCodesAsync(userId, recovery.Hashes(userId, codes), now, ct);

        // This session just proved the new factor, so it counts as one that passed MFA.
        await factors.AddSessionAmrAsync(command.Principal.SessionId, [Amr.OneTimePassword, Amr.MultiFactor], ct);
        await audit.RecordAsync(MfaAuditActions.TotpEnabled, userId, command.Client, ct);
        await uow.CommitAsync(ct);
        return Result<IReadOnlyList<string>>.Ok(codes);
    }
}

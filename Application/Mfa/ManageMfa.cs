using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;

namespace AuthService.Application.Mfa;

public interface IGetMfaStatus
{
    Task<MfaSummary> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

public interface IDisableTotp
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, string? code, ClientInfo client, CancellationToken ct);
}

public interface IRegenerateRecoveryCodes
{
    Task<Result<IReadOnlyList<string>>> ExecuteAsync(CurrentPrincipal principal, string? code, ClientInfo client, CancellationToken ct);
}

internal sealed class GetMfaStatus(IMfaFactorRepository factors) : IGetMfaStatus
{
    public Task<MfaSummary> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        factors.GetSummaryAsync(principal.UserId, ct);
}

internal sealed class DisableTotp(
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    FactorCodeVerifier codes,
    Auditor audit,
    IUnitOfWork uow) : IDisableTotp
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, string? code, ClientInfo client, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        if (!context.Value.Summary.Totp)
        {
            return Error.NotFound("The TOTP factor");
        }

        if (await VerifyCodeAsync(codes, principal.UserId, code, ct) is { } failure)
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

    /// <summary>A used recovery code or TOTP step stays used even when the rest fails.</summary>
    internal static async Task<Error?> VerifyCodeAsync(FactorCodeVerifier codes, Guid userId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32)
        {
            return Error.Validation("code", "is required: a 6-digit code from the authenticator app or a recovery code");
        }

        return await codes.VerifyAsync(userId, code.Trim(), ct) is null
            ? new Error(ErrorCode.InvalidMfaCode, "The code is not valid.")
            : null;
    }
}

internal sealed class RegenerateRecoveryCodes(
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    FactorCodeVerifier codes,
    RecoveryCodes recovery,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IRegenerateRecoveryCodes
{
    public async Task<Result<IReadOnlyList<string>>> ExecuteAsync(
        CurrentPrincipal principal, string? code, ClientInfo client, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
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
        if ((summary.Totp || code is not null) && await DisableTotp.VerifyCodeAsync(codes, principal.UserId, code, ct) is { } failure)
        {
            await uow.CommitAsync(ct);
            return failure;
        }

        var userId = principal.UserId;
        var fresh = RecoveryCodes.Generate();
        await factors.ReplaceRecoveryCodesAsync(userId, fresh.Select(c => recovery.Hash(userId, c)).ToArray(), clock.GetUtcNow(), ct);
        await audit.RecordAsync(MfaAuditActions.RecoveryCodesRegenerated, userId, client, ct);
        await uow.CommitAsync(ct);
        return Result<IReadOnlyList<string>>.Ok(fresh);
    }
}

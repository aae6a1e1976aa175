using System.Security.Cryptography;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public sealed record TotpEnrolmentView(string Secret, string OtpAuthUri, string QrSvg);

public interface IEnrolTotp
{
    Task<Result<TotpEnrolmentView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

public interface IConfirmTotp
{
    /// <summary>The ten new recovery codes, shown this once.</summary>
    Task<Result<IReadOnlyList<string>>> ExecuteAsync(CurrentPrincipal principal, string? code, ClientInfo client, CancellationToken ct);
}

/// <summary>Starts TOTP enrolment: a new seed, pending until a first code confirms it.</summary>
internal sealed class EnrolTotp(
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    ITotpAlgorithm totp,
    ISecretCipher cipher,
    IUnitOfWork uow,
    TimeProvider clock) : IEnrolTotp
{
    public async Task<Result<TotpEnrolmentView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var user = context.Value.User;
        var secret = totp.NewSecret();
        var factor = new TotpFactor
        {
            UserId = user.Id,
            SecretCiphertext = cipher.Encrypt(secret, FactorCodeVerifier.Context(user.Id)),
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await factors.SavePendingTotpAsync(factor, ct))
        {
            return Error.Validation("totp", "is already enabled; disable it before enrolling a new authenticator");
        }

        await uow.CommitAsync(ct);
        var (uri, svg) = totp.Provisioning(secret, user.Email ?? user.Phone ?? user.Username ?? user.Id.ToString());
        var view = new TotpEnrolmentView(totp.ToBase32(secret), uri, svg);
        CryptographicOperations.ZeroMemory(secret);
        return view;
    }
}

/// <summary>The first code proves the app holds the seed; TOTP is then required at sign-in.</summary>
internal sealed class ConfirmTotp(
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    ITotpAlgorithm totp,
    ISecretCipher cipher,
    RecoveryCodes recovery,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IConfirmTotp
{
    public async Task<Result<IReadOnlyList<string>>> ExecuteAsync(
        CurrentPrincipal principal, string? code, ClientInfo client, CancellationToken ct)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return Error.Validation("code", "must be the 6-digit code shown by the authenticator app");
        }

        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var userId = principal.UserId;
        var factor = await factors.FindTotpAsync(userId, ct);
        if (factor is null || factor.IsConfirmed)
        {
            return Error.Validation("code", "there is no pending TOTP enrolment; start one first");
        }

        var now = clock.GetUtcNow();
        var seed = cipher.Decrypt(factor.SecretCiphertext, FactorCodeVerifier.Context(userId));
        var step = seed is null ? null : totp.MatchStep(seed.Plaintext, code, now);
        if (step is null || !await factors.ConfirmTotpAsync(userId, step.Value, now, ct))
        {
            return new Error(ErrorCode.InvalidMfaCode, "The code is not valid.");
        }

        var codes = RecoveryCodes.Generate();
        await factors.ReplaceRecoveryCodesAsync(userId, codes.Select(c => recovery.Hash(userId, c)).ToArray(), now, ct);

        // This session just proved the new factor, so it counts as one that passed MFA.
        await factors.AddSessionAmrAsync(principal.SessionId, [Amr.OneTimePassword, Amr.MultiFactor], ct);
        await audit.RecordAsync(MfaAuditActions.TotpEnabled, userId, client, ct);
        await uow.CommitAsync(ct);
        return Result<IReadOnlyList<string>>.Ok(codes);
    }
}

using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Sessions;
using AuthService.Domain.Common;
using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public sealed record VerifyMfaCommand(string? MfaToken, string? Code, ClientInfo Client);

public interface IVerifyMfa
{
    Task<Result<TokenResponse>> ExecuteAsync(VerifyMfaCommand command, CancellationToken ct);
}

/// <summary>The second step of a sign-in: the mfa_token and a TOTP or recovery code.</summary>
internal sealed class VerifyMfa(
    PendingSignIns signIns,
    FactorCodeVerifier codes,
    Auditor audit,
    IUnitOfWork uow) : IVerifyMfa
{
    private const int MaxCodeLength = 32;

    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyMfaCommand command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Code) || command.Code.Length > MaxCodeLength)
        {
            return Error.Validation("code", "is required: a 6-digit code from the authenticator app or a recovery code");
        }

        var attempt = await signIns.BeginAttemptAsync(command.MfaToken, command.Client, ct);
        if (!attempt.IsSuccess)
        {
            return attempt.Error!;
        }

        var signIn = attempt.Value.SignIn;
        var factor = await codes.VerifyAsync(signIn.UserId, command.Code.Trim(), ct);
        if (factor is null)
        {
            // The burned attempt is kept: five wrong codes void the token.
            await audit.RecordAsync(MfaAuditActions.Failed, signIn.UserId, command.Client, ct,
                new Dictionary<string, object?> { ["method"] = "code", ["attempt"] = signIn.Attempts });
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.InvalidMfaCode, "The code is not valid.");
        }

        return await signIns.CompleteAsync(attempt.Value, Amr.OneTimePassword, factor, command.Client, ct);
    }
}

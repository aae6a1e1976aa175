namespace AuthService.Application.Mfa;

public sealed record StartPasskeyMfaCommand(string? MfaToken, ClientInfo Client);

public interface IStartPasskeyMfa
{
    /// <summary>Request options listing the user's passkeys, for the sign-in behind the mfa_token.</summary>
    Task<Result<string>> ExecuteAsync(StartPasskeyMfaCommand command, CancellationToken ct);
}

internal sealed class StartPasskeyMfaCommandValidator : AbstractValidator<StartPasskeyMfaCommand>
{
    public StartPasskeyMfaCommandValidator() => RuleFor(c => c.MfaToken).MfaToken();
}

/// <summary>A passkey as the second factor of a password, one-time-code or OAuth sign-in.</summary>
internal sealed class StartPasskeyMfa(
    IValidator<StartPasskeyMfaCommand> validator,
    PendingSignIns signIns,
    IPasskeyRepository passkeys,
    IWebAuthn webAuthn,
    IUnitOfWork uow,
    TimeProvider clock) : IStartPasskeyMfa
{
    public async Task<Result<string>> ExecuteAsync(StartPasskeyMfaCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        // Asking for options costs no attempt (a closed browser dialog is no guess); the answer does.
        var signIn = await signIns.FindUsableAsync(command.MfaToken!, command.Client, ct);
        var mine = signIn is null ? [] : await passkeys.ListAsync(signIn.UserId, ct);
        if (signIn is null || mine.Count == 0)
        {
            return new Error(ErrorCode.InvalidToken, "The mfa_token is not valid for a passkey: it is unknown, expired or used up, or the account has no passkey.");
        }

        var ceremony = webAuthn.RequestOptions(mine.Select(p => p.CredentialId).ToArray());
        await passkeys.SaveChallengeAsync(
            PasskeyCeremonies.Challenge(ceremony, WebAuthnPurpose.Mfa, signIn.UserId, signIn.Id, clock.GetUtcNow()), ct);
        await uow.CommitAsync(ct);
        return ceremony.OptionsJson;
    }
}

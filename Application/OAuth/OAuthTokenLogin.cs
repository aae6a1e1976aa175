using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Mfa;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using FluentValidation;

namespace AuthService.Application.OAuth;

/// <summary>The code-exchange flow: the app talked to the provider itself and hands us the code.</summary>
public sealed record OAuthTokenLoginCommand(
    string Provider,
    string? Code,
    string? CodeVerifier,
    string? RedirectUri,
    string? Nonce,
    string? DeviceName,
    ClientInfo Client);

public interface IOAuthTokenLogin
{
    Task<Result<TokenResponse>> ExecuteAsync(OAuthTokenLoginCommand command, CancellationToken ct);
}

internal sealed class OAuthTokenLoginCommandValidator : AbstractValidator<OAuthTokenLoginCommand>
{
    public OAuthTokenLoginCommandValidator()
    {
        this.AppCodeGrant(c => c.Code, c => c.CodeVerifier, c => c.RedirectUri, c => c.Nonce);
        RuleFor(c => c.DeviceName).MaximumLength(100).WithMessage("must be at most 100 characters")
            .OverridePropertyName("device_name");
    }
}

internal sealed class OAuthTokenLogin(
    IValidator<OAuthTokenLoginCommand> validator,
    AppCodeRedeemer redeemer,
    IOAuthAccountResolver accounts,
    ISecondFactorGate signIn,
    Auditor audit,
    IUnitOfWork uow) : IOAuthTokenLogin
{
    public async Task<Result<TokenResponse>> ExecuteAsync(OAuthTokenLoginCommand command, CancellationToken ct)
    {
        var identity = await redeemer.RedeemAsync(
            validator,
            command,
            new OAuthCodeRedemption(command.Provider, command.Code!, command.CodeVerifier!, command.RedirectUri, command.Nonce),
            ct);
        if (!identity.IsSuccess)
        {
            return identity.Error!;
        }

        var user = await accounts.ResolveLoginAsync(identity.Value, command.Client, ct);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }

        var method = Session.OAuthMethod(command.Provider);
        var signedIn = await signIn.SignInAsync(user.Value, method, command.DeviceName, command.Client, ct);
        if (!signedIn.IsSuccess)
        {
            // MFA_REQUIRED: what the first step changed and the pending sign-in are kept.
            await uow.CommitAsync(ct);
            return signedIn.Error!;
        }

        var tokens = signedIn.Value;
        await audit.RecordAsync(AuditAction.OAuthLogin, user.Value.Id, command.Client, ct,
            new Dictionary<string, object?> { ["method"] = method, ["provider"] = command.Provider, ["session_id"] = tokens.SessionId });
        await uow.CommitAsync(ct);
        return tokens;
    }
}

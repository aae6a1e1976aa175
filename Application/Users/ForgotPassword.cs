using AuthService.Application.Otp;
using AuthService.Domain.Otp;
using AuthService.Domain.Users;

namespace AuthService.Application.Users;

public sealed record ForgotPasswordCommand(string Email);

public interface IForgotPassword
{
    Task<Result<Unit>> ExecuteAsync(ForgotPasswordCommand command, CancellationToken ct);
}

internal sealed class ForgotPasswordCommandValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordCommandValidator() =>
        RuleFor(c => (string?)c.Email).RequiredEmail().OverridePropertyName("email");
}

/// <summary>202 account or not; within the cooldown a 429 with Retry-After, account or not.</summary>
internal sealed class ForgotPassword(IValidator<ForgotPasswordCommand> validator, ContactCodeSender sender) : IForgotPassword
{
    public async Task<Result<Unit>> ExecuteAsync(ForgotPasswordCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        // An unproven address of a claimed account opens nothing (User.MayReceiveAccessCode).
        var tooSoon = await sender.SendAsync(
            Contact.From(command.Email, null), OtpPurpose.PasswordReset, "reset", user => user.MayReceiveAccessCode(IdentifierKind.Email), ct);
        return tooSoon is null ? Unit.Value : tooSoon;
    }
}

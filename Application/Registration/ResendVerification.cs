using AuthService.Application.Otp;
using AuthService.Domain.Otp;
using AuthService.Domain.Users;

namespace AuthService.Application.Registration;

public sealed record ResendVerificationCommand(string? Email, string? Phone);

public interface IResendVerification
{
    Task<Result<Unit>> ExecuteAsync(ResendVerificationCommand command, CancellationToken ct);
}

internal sealed class ResendVerificationCommandValidator : AbstractValidator<ResendVerificationCommand>
{
    public ResendVerificationCommandValidator() => this.EmailXorPhone(c => c.Email, c => c.Phone);
}

/// <summary>
/// Answers the same whether or not the account exists or is already verified, so it cannot
/// be used to probe for accounts; the cooldown applies to every destination alike.
/// </summary>
internal sealed class ResendVerification(IValidator<ResendVerificationCommand> validator, ContactCodeSender sender)
    : IResendVerification
{
    public async Task<Result<Unit>> ExecuteAsync(ResendVerificationCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var contact = Contact.From(command.Email, command.Phone);
        var purpose = contact.Kind == IdentifierKind.Phone ? OtpPurpose.VerifyPhone : OtpPurpose.VerifyEmail;
        var tooSoon = await sender.SendAsync(contact, purpose, "verify", user => !user.IsVerifiedFor(contact.Kind), ct);
        return tooSoon is null ? Unit.Value : tooSoon;
    }
}

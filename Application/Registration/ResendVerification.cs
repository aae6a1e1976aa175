using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Otp;
using AuthService.Domain.Common;
using AuthService.Domain.Otp;
using AuthService.Domain.Users;
using FluentValidation;

namespace AuthService.Application.Registration;

public sealed record ResendVerificationCommand(string? Email, string? Phone);

public interface IResendVerification
{
    Task<Result<Unit>> ExecuteAsync(ResendVerificationCommand command, CancellationToken ct);
}

internal sealed class ResendVerificationCommandValidator : AbstractValidator<ResendVerificationCommand>
{
    public ResendVerificationCommandValidator()
    {
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c).Must(c => (c.Email is null) != (c.Phone is null))
            .WithMessage("exactly one of email or phone is required").OverridePropertyName("email");
    }
}

/// <summary>
/// Answers the same whether or not the account exists or is already verified, so it cannot
/// be used to probe for accounts; the cooldown applies to every destination alike.
/// </summary>
internal sealed class ResendVerification(
    IValidator<ResendVerificationCommand> validator,
    IUserRepository users,
    OtpService otp,
    Cooldown cooldown,
    IUnitOfWork uow) : IResendVerification
{
    public async Task<Result<Unit>> ExecuteAsync(ResendVerificationCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var kind = command.Email is not null ? IdentifierKind.Email : IdentifierKind.Phone;
        var destination = ContactLookup.Normalize(kind, command.Email ?? command.Phone!);
        if (await cooldown.CheckAsync(destination, ct) is { } tooSoon)
        {
            return tooSoon;
        }

        var user = await ContactLookup.FindAsync(users, kind, destination, ct);
        if (user is null || !user.IsActive || user.IsVerifiedFor(kind))
        {
            return Unit.Value;
        }

        var (purpose, channel) = kind == IdentifierKind.Email
            ? (OtpPurpose.VerifyEmail, NotificationChannel.Email)
            : (OtpPurpose.VerifyPhone, NotificationChannel.Sms);
        var message = await otp.IssueAsync(purpose, destination, user.Id, channel, ct);
        await uow.CommitAsync(ct);
        await otp.SendAsync(message, ct);
        return Unit.Value;
    }
}

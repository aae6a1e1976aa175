using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Otp;
using AuthService.Domain.Common;
using AuthService.Domain.Otp;
using AuthService.Domain.Users;
using FluentValidation;

namespace AuthService.Application.Login;

public sealed record StartOtpLoginCommand(string? Email, string? Phone);

public interface IStartOtpLogin
{
    Task<Result<Unit>> ExecuteAsync(StartOtpLoginCommand command, CancellationToken ct);
}

internal sealed class StartOtpLoginCommandValidator : AbstractValidator<StartOtpLoginCommand>
{
    public StartOtpLoginCommandValidator()
    {
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c).Must(c => (c.Email is null) != (c.Phone is null))
            .WithMessage("exactly one of email or phone is required").OverridePropertyName("email");
    }
}

/// <summary>Always answers 202: whether an account exists is nobody's business but its owner's.</summary>
internal sealed class StartOtpLogin(
    IValidator<StartOtpLoginCommand> validator,
    IUserRepository users,
    OtpService otp,
    Cooldown cooldown,
    IUnitOfWork uow) : IStartOtpLogin
{
    public async Task<Result<Unit>> ExecuteAsync(StartOtpLoginCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var kind = command.Email is not null ? IdentifierKind.Email : IdentifierKind.Phone;
        var destination = ContactLookup.Normalize(kind, command.Email ?? command.Phone!);
        if (await cooldown.CheckAsync("login:" + destination, ct) is not null)
        {
            // Silently skip: a 429 here would tell apart addresses that were just used.
            return Unit.Value;
        }

        var user = await ContactLookup.FindAsync(users, kind, destination, ct);
        if (user is null || !user.IsActive)
        {
            return Unit.Value;
        }

        var channel = kind == IdentifierKind.Email ? NotificationChannel.Email : NotificationChannel.Sms;
        var message = await otp.IssueAsync(OtpPurpose.Login, destination, user.Id, channel, ct);
        await uow.CommitAsync(ct);
        await otp.SendAsync(message, ct);
        return Unit.Value;
    }
}

using AuthService.Application.Otp;
using AuthService.Domain.Otp;

namespace AuthService.Application.Login;

public sealed record StartOtpLoginCommand(string? Email, string? Phone);

public interface IStartOtpLogin
{
    Task<Result<Unit>> ExecuteAsync(StartOtpLoginCommand command, CancellationToken ct);
}

internal sealed class StartOtpLoginCommandValidator : AbstractValidator<StartOtpLoginCommand>
{
    public StartOtpLoginCommandValidator() => this.EmailXorPhone(c => c.Email, c => c.Phone);
}

/// <summary>
/// Answers 202 whether or not an account exists: that is nobody's business but its owner's. A
/// second code to the same address within the cooldown is a 429 with Retry-After, for unknown
/// addresses exactly as for known ones (the cooldown is checked before the account is looked up).
/// </summary>
internal sealed class StartOtpLogin(IValidator<StartOtpLoginCommand> validator, ContactCodeSender sender) : IStartOtpLogin
{
    public async Task<Result<Unit>> ExecuteAsync(StartOtpLoginCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        // An unproven contact of a claimed account opens nothing (User.MayReceiveAccessCode).
        var contact = Contact.From(command.Email, command.Phone);
        var tooSoon = await sender.SendAsync(contact, OtpPurpose.Login, "login", user => user.MayReceiveAccessCode(contact.Kind), ct);
        return tooSoon is null ? Unit.Value : tooSoon;
    }
}

using AuthService.Application.Common;
using AuthService.Application.Otp;
using AuthService.Domain.Common;
using AuthService.Domain.Otp;
using FluentValidation;

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
/// Always answers 202: whether an account exists is nobody's business but its owner's. For the
/// same reason a cooldown is skipped silently here (a 429 would tell used addresses apart).
/// </summary>
internal sealed class StartOtpLogin(IValidator<StartOtpLoginCommand> validator, ContactCodeSender sender) : IStartOtpLogin
{
    public async Task<Result<Unit>> ExecuteAsync(StartOtpLoginCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        await sender.SendAsync(Contact.From(command.Email, command.Phone), OtpPurpose.Login, "login", _ => true, ct);
        return Unit.Value;
    }
}

using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Otp;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Otp;
using AuthService.Domain.Users;
using FluentValidation;

namespace AuthService.Application.Registration;

/// <summary>Proves control of an email address or phone number with the code sent to it.</summary>
public sealed record VerifyContactCommand(IdentifierKind Kind, string Destination, string Code, ClientInfo Client);

public interface IVerifyContact
{
    Task<Result<Unit>> ExecuteAsync(VerifyContactCommand command, CancellationToken ct);
}

internal sealed class VerifyContactCommandValidator : AbstractValidator<VerifyContactCommand>
{
    public VerifyContactCommandValidator()
    {
        When(c => c.Kind == IdentifierKind.Email, () => RuleFor(c => (string?)c.Destination).Email().OverridePropertyName("email"));
        When(c => c.Kind == IdentifierKind.Phone, () => RuleFor(c => (string?)c.Destination).Phone().OverridePropertyName("phone"));
        RuleFor(c => c.Code).OtpCode();
    }
}

internal sealed class VerifyContact(
    IValidator<VerifyContactCommand> validator,
    IUserRepository users,
    OtpService otp,
    Auditor audit,
    Admin.AdminBootstrapper bootstrap,
    IUnitOfWork uow,
    TimeProvider clock) : IVerifyContact
{
    public async Task<Result<Unit>> ExecuteAsync(VerifyContactCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var destination = ContactLookup.Normalize(command.Kind, command.Destination);
        var purpose = command.Kind == IdentifierKind.Phone ? OtpPurpose.VerifyPhone : OtpPurpose.VerifyEmail;
        var failure = await otp.ConsumeAsync(purpose, destination, command.Code, ct);
        var user = failure is null ? await ContactLookup.FindAsync(users, command.Kind, destination, ct) : null;
        if (failure is not null || user is null)
        {
            await uow.CommitAsync(ct); // keep the burned attempt
            return failure ?? new Error(ErrorCode.InvalidOtp, "The code is not valid.");
        }

        var now = clock.GetUtcNow();
        user.MarkVerified(command.Kind, now);
        await users.MarkVerifiedAsync(user.Id, command.Kind, now, ct);
        await bootstrap.GrantIfListedAsync(user, command.Client, ct);
        await audit.RecordAsync(AuditAction.Verify, user.Id, command.Client, ct,
            new Dictionary<string, object?> { ["channel"] = command.Kind == IdentifierKind.Phone ? "phone" : "email" });
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}

using AuthService.Application.Otp;
using AuthService.Domain.Audit;
using AuthService.Domain.Otp;
using AuthService.Domain.Users;

namespace AuthService.Application.Registration;

/// <summary>Proves control of an email address or phone number (one of the two is given) with the code sent to it.</summary>
public sealed record VerifyContactCommand(string? Email, string? Phone, string Code, ClientInfo Client);

public interface IVerifyContact
{
    Task<Result<Unit>> ExecuteAsync(VerifyContactCommand command, CancellationToken ct);
}

internal sealed class VerifyContactCommandValidator : AbstractValidator<VerifyContactCommand>
{
    public VerifyContactCommandValidator()
    {
        this.EmailXorPhone(c => c.Email, c => c.Phone);
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

        var (kind, destination) = Contact.From(command.Email, command.Phone);
        var purpose = kind == IdentifierKind.Phone ? OtpPurpose.VerifyPhone : OtpPurpose.VerifyEmail;
        var redeemed = await otp.RedeemAsync(users, purpose, kind, destination, command.Code, ct);
        if (!redeemed.IsSuccess)
        {
            await uow.CommitAsync(ct); // keep the burned attempt
            return redeemed.Error!;
        }

        var user = redeemed.Value;
        var now = clock.GetUtcNow();
        user.MarkVerified(kind, now);
        await users.MarkVerifiedAsync(user.Id, kind, now, ct);
        await bootstrap.GrantIfListedAsync(user, command.Client, ct);
        await audit.RecordAsync(AuditAction.Verify, user.Id, command.Client, ct,
            new Dictionary<string, object?> { ["channel"] = kind == IdentifierKind.Phone ? "phone" : "email" });
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}

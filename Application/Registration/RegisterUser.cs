using AuthService.Application.Otp;
using AuthService.Domain.Audit;
using AuthService.Domain.Otp;
using AuthService.Domain.Outbox;
using AuthService.Domain.Users;

namespace AuthService.Application.Registration;

/// <summary><paramref name="InviteToken"/> matters only while registration is invite-only (AUTH__REGISTRATION).</summary>
public sealed record RegisterCommand(
    string? Email, string? Phone, string Password, string? Username, string? Name, ClientInfo Client, string? InviteToken = null);

public sealed record Registered(Guid UserId, string Channel, int ExpiresIn);

public interface IRegisterUser
{
    Task<Result<Registered>> ExecuteAsync(RegisterCommand command, CancellationToken ct);
}

internal sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator(IPasswordScreen screen)
    {
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c).Must(c => c.Email is not null || c.Phone is not null)
            .WithName("email").WithMessage("email or phone is required").OverridePropertyName("email");
        RuleFor(c => c.Password).Password(screen);
        RuleFor(c => c.Username).Username();
        RuleFor(c => c.Name).Name();
    }
}

internal sealed class RegisterUser(
    IValidator<RegisterCommand> validator,
    IUserRepository users,
    IPasswordHasher passwords,
    OtpService otp,
    Auditor audit,
    Invites.InviteGate invites,
    IUnitOfWork uow,
    IIdGenerator ids,
    TimeProvider clock) : IRegisterUser
{
    public async Task<Result<Registered>> ExecuteAsync(RegisterCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        // Before the password is hashed: a refused sign-up costs no Argon2id.
        var userId = ids.NewId();
        var email = command.Email is null ? null : Identifiers.NormalizeEmail(command.Email);
        if (await invites.AdmitAsync(command.InviteToken, email, userId, command.Client, ct) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var user = User.Register(
            userId, email, command.Phone, command.Username, command.Name, await passwords.HashAsync(command.Password, ct), now);

        // A contact another account's owner typed in but never proved reserves nothing: it moves
        // here, where it too has to be proven (pre-hijacking defence; rolled back if the add fails).
        var released = await users.ReleaseUnprovenContactsAsync(user.Email, user.Phone, now, ct);
        var taken = await users.AddAsync(user, ct);
        if (taken.Count > 0)
        {
            return new Error(
                ErrorCode.IdentifierTaken,
                "An account with this identifier already exists.",
                taken.ToDictionary(f => f, _ => new[] { "is already taken" }, StringComparer.Ordinal));
        }

        var (purpose, channel, destination) = user.Email is not null
            ? (OtpPurpose.VerifyEmail, OutboxChannel.Email, user.Email)
            : (OtpPurpose.VerifyPhone, OutboxChannel.Sms, user.Phone!);

        // The user, the code, its message and the event: one transaction, all or nothing.
        await otp.IssueAsync(purpose, destination, user.Id, channel, ct);
        await audit.RecordAsync(AuditAction.Register, user.Id, command.Client, ct,
            released > 0 ? new Dictionary<string, object?> { ["released_from_accounts"] = released } : null);
        await uow.CommitAsync(ct);

        return new Registered(user.Id, channel == OutboxChannel.Email ? "email" : "sms", OtpService.LifetimeSeconds);
    }
}

using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

public sealed record RenamePasskeyCommand(CurrentPrincipal Principal, Guid Id, string? Name, ClientInfo Client);

public interface IRenamePasskey
{
    Task<Result<PasskeyView>> ExecuteAsync(RenamePasskeyCommand command, CancellationToken ct);
}

internal sealed class RenamePasskeyCommandValidator : AbstractValidator<RenamePasskeyCommand>
{
    public RenamePasskeyCommandValidator() =>
        RuleFor(c => c.Name).Must(n => n?.Trim() is { Length: > 0 and <= Passkey.MaxNameLength })
            .WithMessage($"is required, at most {Passkey.MaxNameLength} characters");
}

internal sealed class RenamePasskey(
    IValidator<RenamePasskeyCommand> validator, IPasskeyRepository passkeys, Auditor audit, IUnitOfWork uow) : IRenamePasskey
{
    public async Task<Result<PasskeyView>> ExecuteAsync(RenamePasskeyCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        // Renaming changes no factor, so any session of the owner may do it.
        var userId = command.Principal.UserId;
        var passkey = await passkeys.FindAsync(userId, command.Id, ct);
        if (passkey is null)
        {
            return Error.NotFound("The passkey");
        }

        passkey.Rename(command.Name!);
        if (!await passkeys.RenameAsync(userId, passkey.Id, passkey.Name, ct))
        {
            return Error.NotFound("The passkey");
        }

        await audit.RecordAsync(MfaAuditActions.PasskeyRenamed, userId, command.Client, ct,
            new Dictionary<string, object?> { ["passkey_id"] = passkey.Id });
        await uow.CommitAsync(ct);
        return PasskeyView.From(passkey);
    }
}

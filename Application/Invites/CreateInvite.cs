using AuthService.Domain.Invites;
using AuthService.Domain.Users;

namespace AuthService.Application.Invites;

/// <summary><paramref name="Email"/>: the only address it registers, or null for any; <paramref name="ExpiresInHours"/> defaults to 72.</summary>
public sealed record CreateInviteCommand(string? Email, int? ExpiresInHours, ClientInfo Client);

/// <summary>The stored invitation and its token, which exists only in this response.</summary>
public sealed record IssuedInvite(Guid Id, string Token, string? Email, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt);

public interface ICreateInvite
{
    Task<Result<IssuedInvite>> ExecuteAsync(CurrentPrincipal admin, CreateInviteCommand command, CancellationToken ct);
}

internal sealed class CreateInviteCommandValidator : AbstractValidator<CreateInviteCommand>
{
    public CreateInviteCommandValidator()
    {
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.ExpiresInHours).InclusiveBetween(1, Invite.MaxHours)
            .WithMessage($"must be a whole number from 1 to {Invite.MaxHours}");
    }
}

internal sealed class CreateInvite(
    IValidator<CreateInviteCommand> validator,
    IInviteRepository invites,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IIdGenerator ids,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : ICreateInvite
{
    public const string Action = "invite.create";

    public Task<Result<IssuedInvite>> ExecuteAsync(CurrentPrincipal admin, CreateInviteCommand command, CancellationToken ct) =>
        validator.ThenAsync(command, valid => IssueAsync(admin, valid, ct), ct);

    private async Task<Result<IssuedInvite>> IssueAsync(CurrentPrincipal admin, CreateInviteCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var token = secrets.NewOpaqueToken();
        var email = command.Email is null ? null : Identifiers.NormalizeEmail(command.Email);
        var invite = Invite.Issue(ids.NewId(), hasher.Hash(token), email, admin.UserId, now, command.ExpiresInHours ?? Invite.DefaultHours);
        await invites.AddAsync(invite, ct);
        await audit.RecordAsync(Action, null, command.Client, ct,
            new Dictionary<string, object?> { ["invite_id"] = invite.Id, ["email"] = invite.Email, ["expires_at"] = invite.ExpiresAt },
            admin.UserId);
        await uow.CommitAsync(ct);
        return new IssuedInvite(invite.Id, token, invite.Email, invite.ExpiresAt, invite.CreatedAt);
    }
}

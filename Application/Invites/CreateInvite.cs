using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Invites;
using AuthService.Domain.Users;

namespace AuthService.Application.Invites;

/// <summary>The stored invitation and its token, which exists only in this response.</summary>
public sealed record IssuedInvite(Invite Invite, string Token);

public interface ICreateInvite
{
    Task<Result<IssuedInvite>> ExecuteAsync(CurrentPrincipal admin, string? email, int? expiresInHours, ClientInfo client, CancellationToken ct);
}

internal sealed class CreateInvite(
    IInviteRepository invites, ISecretGenerator secrets, ISecretHasher hasher, IIdGenerator ids, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : ICreateInvite
{
    public const int DefaultHours = 72;
    public const int MaxHours = 24 * 30;
    public const string Action = "invite.create";

    public async Task<Result<IssuedInvite>> ExecuteAsync(
        CurrentPrincipal admin, string? email, int? expiresInHours, ClientInfo client, CancellationToken ct)
    {
        if (email is not null && !Identifiers.IsEmail(email.Trim()))
        {
            return Error.Validation("email", "must be a valid email address");
        }

        var hours = expiresInHours ?? DefaultHours;
        if (hours is < 1 or > MaxHours)
        {
            return Error.Validation("expires_in_hours", $"must be a whole number from 1 to {MaxHours}");
        }

        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var token = secrets.NewOpaqueToken();
        var invite = new Invite
        {
            Id = ids.NewId(),
            TokenHash = hasher.Hash(token),
            Email = email is null ? null : Identifiers.NormalizeEmail(email),
            CreatedAt = now,
            CreatedBy = admin.UserId,
            ExpiresAt = now.AddHours(hours),
        };
        await invites.AddAsync(invite, ct);
        await audit.RecordAsync(Action, null, client, ct,
            new Dictionary<string, object?> { ["invite_id"] = invite.Id, ["email"] = invite.Email, ["expires_at"] = invite.ExpiresAt },
            admin.UserId);
        await uow.CommitAsync(ct);
        return new IssuedInvite(invite, token);
    }
}

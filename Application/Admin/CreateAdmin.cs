using AuthService.Application.OAuth;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

/// <summary>What <c>create-admin</c> did, in the one line the operator reads.</summary>
public sealed record AdminCreated(Guid Id, string Email, bool TookOver, int SessionsRevoked, int ApiKeysRevoked, IReadOnlyList<string> Removed)
{
    public string Summary => TookOver
        ? $"admin ready: {Id} {Email}: existing account taken over ({SessionsRevoked} session(s) and {ApiKeysRevoked} API key(s) revoked, "
            + $"removed: {(Removed.Count == 0 ? "nothing else" : string.Join(", ", Removed))}; password set, email marked verified)"
        : $"admin ready: {Id} {Email}: new account";
}

public sealed record CreateAdminCommand(string? Email, string Password);

public interface ICreateAdmin
{
    /// <summary>
    /// Creates a verified admin, or takes over the existing account with that email cleanly: the
    /// operator vouches for the address, not for whoever set up the rest of the account.
    /// </summary>
    Task<Result<AdminCreated>> ExecuteAsync(string email, string password, CancellationToken ct);
}

internal sealed class CreateAdminCommandValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminCommandValidator(IPasswordScreen screen)
    {
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Password).Password(screen);
    }
}

/// <summary>
/// An existing account is never merely promoted: someone who pre-registered the address with a
/// phone, a username or a linked provider account of their own, and signed in with them, would
/// become an admin. It starts over with the email alone (User.StartOver), its sessions and API keys
/// revoked, then gets the operator's password and the admin role.
/// </summary>
internal sealed class CreateAdmin(
    IValidator<CreateAdminCommand> validator,
    IUserRepository users,
    IExternalIdentityRepository identities,
    IPasswordHasher passwords,
    SessionRevoker revoker,
    IIdGenerator ids,
    TimeProvider clock) : ICreateAdmin
{
    public async Task<Result<AdminCreated>> ExecuteAsync(string email, string password, CancellationToken ct)
    {
        if (await validator.CheckAsync(new CreateAdminCommand(email, password), ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var normalized = Identifiers.NormalizeEmail(email);
        var hash = await passwords.HashAsync(password, ct);
        var user = await users.FindByEmailAsync(normalized, ct);
        if (user is null)
        {
            user = User.NewAdmin(ids.NewId(), normalized, hash, now);
            if ((await users.AddAsync(user, ct)).Count > 0)
            {
                return new Error(ErrorCode.IdentifierTaken, "An account with this email already exists.");
            }

            await revoker.RevokeAsync(Revocation.None(user.Id), Audit(user, tookOver: false), ct);
            return new AdminCreated(user.Id, normalized, false, 0, 0, []);
        }

        List<string> removed = [];
        if (user.Phone is not null)
        {
            removed.Add("phone");
        }

        if (user.Username is not null)
        {
            removed.Add("username");
        }

        removed.AddRange((await identities.ListForUserAsync(user.Id, ct)).Select(i => "linked " + i.Provider + " account"));

        user.StartOver(IdentifierKind.Email, now);
        user.SetPassword(hash, now);
        user.GrantAdmin(now);
        await users.StartOverAsync(user, ct);
        await users.SetRolesAsync(user.Id, user.Roles, now, ct);
        var dropped = await revoker.RevokeAsync(Revocation.Access(user.Id, RevocationReason.AccountStartedOver), Audit(user, tookOver: true), ct);
        return new AdminCreated(user.Id, normalized, true, dropped!.Sessions.Count, dropped.ApiKeys, removed);
    }

    private static RevocationAudit Audit(User user, bool tookOver) =>
        new(AuditAction.RolesChanged, ClientInfo.None, _ => new Dictionary<string, object?>
        {
            ["roles"] = user.Roles,
            ["via"] = "cli",
            ["took_over"] = tookOver,
        });
}

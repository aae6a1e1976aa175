using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

/// <summary>ADMIN__BOOTSTRAP_EMAILS, normalised; bound by the Host.</summary>
public sealed class BootstrapAdminSettings
{
    public IReadOnlySet<string> Emails { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static BootstrapAdminSettings Parse(string? commaSeparated) => new()
    {
        Emails = (commaSeparated ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Identifiers.NormalizeEmail)
            .ToHashSet(StringComparer.Ordinal),
    };
}

/// <summary>Grants and removes nothing but the admin role of listed, verified accounts.</summary>
public interface IAdminBootstrapRepository
{
    /// <summary>
    /// Adds the admin role to the live accounts with one of <paramref name="emails"/> whose email is
    /// verified and who are not admins yet, in one conditional statement; returns those it changed.
    /// </summary>
    Task<IReadOnlyList<Guid>> GrantAdminToVerifiedAsync(IReadOnlyCollection<string> emails, DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// Makes the accounts of ADMIN__BOOTSTRAP_EMAILS admins once their email is verified: when the
/// code is confirmed, at every sign-in (which covers one-time-code and provider sign-ups, whose
/// email is verified on the way in), and at start for those verified already. Each grant is audited.
/// </summary>
internal sealed class AdminBootstrapper(
    BootstrapAdminSettings settings, IAdminBootstrapRepository repository, Auditor audit, TimeProvider clock)
{
    public const string Action = "admin.bootstrap";

    /// <summary>Grants the role when <paramref name="user"/> is listed and verified (the database decides); updates the entity too.</summary>
    public async Task GrantIfListedAsync(User user, ClientInfo client, CancellationToken ct)
    {
        if (settings.Emails.Count == 0 || user.IsAdmin || user.Email is null
            || !settings.Emails.Contains(Identifiers.NormalizeEmail(user.Email)))
        {
            return;
        }

        var granted = await repository.GrantAdminToVerifiedAsync([Identifiers.NormalizeEmail(user.Email)], clock.GetUtcNow(), ct);
        if (granted.Contains(user.Id))
        {
            user.GrantAdmin(clock.GetUtcNow());
            await RecordAsync(user.Id, client, ct);
        }
    }

    /// <summary>Every listed, verified account that is not an admin yet; returns how many were granted.</summary>
    public async Task<int> GrantAllAsync(CancellationToken ct)
    {
        if (settings.Emails.Count == 0)
        {
            return 0;
        }

        var granted = await repository.GrantAdminToVerifiedAsync([.. settings.Emails], clock.GetUtcNow(), ct);
        foreach (var userId in granted)
        {
            await RecordAsync(userId, ClientInfo.None, ct);
        }

        return granted.Count;
    }

    private Task RecordAsync(Guid userId, ClientInfo client, CancellationToken ct) =>
        audit.RecordAsync(Action, userId, client, ct,
            new Dictionary<string, object?> { ["added"] = Role.Admin, ["via"] = "ADMIN__BOOTSTRAP_EMAILS" });
}

public interface IBootstrapAdmins
{
    Task<int> ExecuteAsync(CancellationToken ct);
}

/// <summary>At start: the listed accounts that are verified already.</summary>
internal sealed class BootstrapAdmins(AdminBootstrapper bootstrapper, Abstractions.IUnitOfWork uow) : IBootstrapAdmins
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var granted = await bootstrapper.GrantAllAsync(ct);
        await uow.CommitAsync(ct);
        return granted;
    }
}

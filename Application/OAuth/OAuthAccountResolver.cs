using AuthService.Domain.Audit;
using AuthService.Domain.Identities;
using AuthService.Domain.Users;

namespace AuthService.Application.OAuth;

/// <summary>Turns a verified provider identity into a local user, applying <see cref="LinkingPolicy"/>.</summary>
internal interface IOAuthAccountResolver
{
    /// <summary>The user a provider login signs in as: linked, auto-linked by verified email, or new.</summary>
    Task<Result<User>> ResolveLoginAsync(ProviderIdentity identity, ClientInfo client, CancellationToken ct);

    /// <summary>Links the identity to the signed-in user (idempotent for the same user).</summary>
    Task<Result<ExternalIdentity>> LinkAsync(Guid userId, ProviderIdentity identity, ClientInfo client, CancellationToken ct);
}

internal sealed class OAuthAccountResolver(
    IExternalIdentityRepository identities,
    IUserRepository users,
    IIdGenerator ids,
    Auditor audit,
    Invites.InviteGate invites,
    IUnitOfWork uow,
    TimeProvider clock) : IOAuthAccountResolver
{
    public async Task<Result<User>> ResolveLoginAsync(ProviderIdentity identity, ClientInfo client, CancellationToken ct)
    {
        var linked = await identities.FindAsync(identity.Provider, identity.Subject, ct);
        if (linked is not null)
        {
            var user = await users.FindByIdAsync(linked.UserId, ct);
            if (user is null || !user.IsActive)
            {
                return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
            }

            if (linked.RefreshEmail(identity.Email, identity.EmailVerified))
            {
                await identities.UpdateEmailAsync(linked.Id, linked.Email, linked.EmailVerified, ct);
            }

            return user;
        }

        var email = identity.Email is null ? null : Identifiers.NormalizeEmail(identity.Email);
        var owner = email is null ? null : await users.FindByEmailAsync(email, ct);
        if (owner is not null)
        {
            if (!LinkingPolicy.MayAutoLink(identity, owner))
            {
                // Nothing else was written yet, so the refusal's audit row can be committed alone.
                await RecordRefusalAsync(identity, owner.Id, client, ct);
                await uow.CommitAsync(ct);
                return LinkingPolicy.AccountExists(identity.Provider);
            }

            if (!owner.IsActive)
            {
                return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
            }

            var link = await AddLinkAsync(owner.Id, identity, client, auto: true, ct);
            return link.IsSuccess ? owner : link.Error!;
        }

        return await CreateUserAsync(identity, email, client, ct);
    }

    public async Task<Result<ExternalIdentity>> LinkAsync(
        Guid userId, ProviderIdentity identity, ClientInfo client, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.Unauthorized, "The account is no longer active.");
        }

        var owner = await identities.FindAsync(identity.Provider, identity.Subject, ct);
        var mine = await identities.ListForUserAsync(userId, ct);
        if (LinkingPolicy.CheckExplicitLink(userId, identity, owner, mine) is { } refused)
        {
            return refused;
        }

        return owner ?? await AddLinkAsync(userId, identity, client, auto: false, ct);
    }

    private async Task<Result<User>> CreateUserAsync(
        ProviderIdentity identity, string? email, ClientInfo client, CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // Only an address the provider verified becomes the account's email (User.FromProvider).
        var user = User.FromProvider(ids.NewId(), email, identity.EmailVerified, identity.Name, identity.AvatarUrl, now);
        if (await invites.AdmitProviderSignUpAsync(user.Email, user.Id, client, ct) is { } refused)
        {
            return refused;
        }

        var taken = await users.AddAsync(user, ct);
        if (taken.Count > 0)
        {
            // Someone registered the same address a moment ago.
            return LinkingPolicy.AccountExists(identity.Provider);
        }

        await audit.RecordAsync(AuditAction.Register, user.Id, client, ct,
            new Dictionary<string, object?> { ["method"] = OAuthMethod(identity.Provider) });
        var link = await AddLinkAsync(user.Id, identity, client, auto: false, ct);
        return link.IsSuccess ? user : link.Error!;
    }

    private async Task<Result<ExternalIdentity>> AddLinkAsync(
        Guid userId, ProviderIdentity identity, ClientInfo client, bool auto, CancellationToken ct)
    {
        var link = new ExternalIdentity
        {
            Id = ids.NewId(),
            UserId = userId,
            Provider = identity.Provider,
            Subject = identity.Subject,
            Email = identity.Email,
            EmailVerified = identity.EmailVerified,
            LinkedAt = clock.GetUtcNow(),
        };
        if (!await identities.TryAddAsync(link, ct))
        {
            // Lost a race against another link of the same provider account (or provider).
            return new Error(ErrorCode.IdentifierTaken, $"This {identity.Provider} account is already linked.");
        }

        await audit.RecordAsync(AuditAction.IdentityLinked, userId, client, ct,
            new Dictionary<string, object?>
            {
                ["provider"] = identity.Provider,
                ["subject"] = identity.Subject,
                ["automatic"] = auto,
            });
        return link;
    }

    private Task RecordRefusalAsync(ProviderIdentity identity, Guid ownerId, ClientInfo client, CancellationToken ct)
    {
        AuthMetrics.SignIn(OAuthMethod(identity.Provider), "account_exists");
        return audit.RecordAsync(AuditAction.LoginFailed, ownerId, client, ct,
            new Dictionary<string, object?>
            {
                ["method"] = OAuthMethod(identity.Provider),
                ["reason"] = "account_exists",
                ["provider_email_verified"] = identity.EmailVerified,
            });
    }

    private static string OAuthMethod(string provider) => Domain.Sessions.Session.OAuthMethod(provider);
}

using AuthService.Application.SystemConfig;

namespace AuthService.Application.Invites;

/// <summary>
/// AUTH__REGISTRATION (auth.registration, read at each sign-up): open lets anyone register;
/// invite_only needs an invitation, used up in the sign-up's own transaction (a sign-up that fails
/// later leaves it unused). Every refusal is the same INVITE_REQUIRED: a caller learns nothing
/// about which invitations exist.
/// </summary>
internal sealed class InviteGate(
    IRuntimeSettings settings, IInviteRepository invites, ISecretHasher hasher, Auditor audit, TimeProvider clock)
{
    public const string UsedAction = "invite.use";

    private const int MaxTokenLength = 256;

    public bool InviteOnly => settings.Registration == RegistrationMode.InviteOnly;

    /// <summary>For a registration with a password: <paramref name="token"/> must admit <paramref name="email"/>.</summary>
    public async Task<Error?> AdmitAsync(string? token, string? email, Guid userId, ClientInfo client, CancellationToken ct)
    {
        if (!InviteOnly)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return Required("Registration is by invitation only: send the invite_token you were given.");
        }

        if (token.Length > MaxTokenLength)
        {
            return await RecordAsync(null, userId, client, ct);
        }

        // Invite.Use decides; the repository's statement applies the same rule again, so of two
        // registrations racing with one token, one wins.
        var (hash, now) = (hasher.Hash(token.Trim()), clock.GetUtcNow());
        var used = await invites.FindByTokenHashAsync(hash, ct) is { } invite && invite.Use(email, userId, now)
            ? await invites.ConsumeAsync(hash, email, userId, now, ct)
            : null;
        return await RecordAsync(used, userId, client, ct);
    }

    /// <summary>For a provider sign-up: an invitation bound to the address the provider verified.</summary>
    public async Task<Error?> AdmitProviderSignUpAsync(string? verifiedEmail, Guid userId, ClientInfo client, CancellationToken ct)
    {
        if (!InviteOnly)
        {
            return null;
        }

        var used = verifiedEmail is null ? null : await invites.ConsumeForEmailAsync(verifiedEmail, userId, clock.GetUtcNow(), ct);
        return await RecordAsync(used, userId, client, ct);
    }

    private async Task<Error?> RecordAsync(Guid? inviteId, Guid userId, ClientInfo client, CancellationToken ct)
    {
        if (inviteId is null)
        {
            return Required("This invitation is not valid: it may be used, expired, revoked or meant for another address.");
        }

        await audit.RecordAsync(UsedAction, userId, client, ct, new Dictionary<string, object?> { ["invite_id"] = inviteId });
        return null;
    }

    private static Error Required(string message) => new(ErrorCode.InviteRequired, message);
}

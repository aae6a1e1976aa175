namespace AuthService.Application.OAuth;

public sealed record LinkTicket(string Ticket, int ExpiresIn);

public interface IIssueLinkTicket
{
    /// <summary>A single-use ticket that lets a browser without a Bearer header start <c>intent=link</c> for this user.</summary>
    Task<Result<LinkTicket>> ExecuteAsync(Guid userId, string provider, CancellationToken ct);
}

/// <summary>
/// Browsers cannot send a Bearer header on a navigation, so the app gets a ticket first (with its
/// Bearer token) and puts it in the authorize URL. The ticket alone links nothing: the callback
/// hands the app a code that links only with the same user's Bearer token (<see cref="CompleteBrowserLink"/>).
/// </summary>
internal sealed class IssueLinkTicket(
    IOAuthProviderGateway gateway, IOAuthExchangeCodeStore grants, ISecretGenerator secrets, OAuthSettings settings, TimeProvider clock)
    : IIssueLinkTicket
{
    public async Task<Result<LinkTicket>> ExecuteAsync(Guid userId, string provider, CancellationToken ct)
    {
        if (!gateway.IsConfigured(provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        var ticket = secrets.NewOpaqueToken();
        var grant = new OAuthExchangeGrant(userId, provider, clock.GetUtcNow(), OAuthGrantKind.LinkTicket);
        return await grants.SaveAsync(ticket, grant, settings.ExchangeCodeLifetime, ct)
            ? new LinkTicket(ticket, (int)settings.ExchangeCodeLifetime.TotalSeconds)
            : new Error(ErrorCode.ServiceUnavailable, "Linking is unavailable right now. Try again shortly.");
    }
}

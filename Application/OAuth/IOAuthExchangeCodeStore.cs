namespace AuthService.Application.OAuth;

/// <summary>What a one-time value handed out by the OAuth flows stands for.</summary>
public enum OAuthGrantKind
{
    /// <summary>The browser flow's sign-in code: the app trades it for a session.</summary>
    Login,

    /// <summary>
    /// A link ticket: a signed-in app got it with its Bearer token, so that a browser without one
    /// can start <c>intent=link</c>.
    /// </summary>
    LinkTicket,

    /// <summary>
    /// The end of a link started with a ticket: the provider account is linked only when the app
    /// brings this code back with the Bearer token of the ticket's user.
    /// </summary>
    LinkCompletion,
}

/// <summary>
/// Who signed in (or links) through which provider; the session is opened, or the identity
/// linked, only when the app redeems the code. <see cref="Identity"/> is the provider account of a
/// <see cref="OAuthGrantKind.LinkCompletion"/>.
/// </summary>
public sealed record OAuthExchangeGrant(
    Guid UserId,
    string Provider,
    DateTimeOffset CreatedAt,
    OAuthGrantKind Kind = OAuthGrantKind.Login,
    ProviderIdentity? Identity = null);

/// <summary>One-time codes handed to the app by the browser flow, and link tickets (Redis).</summary>
public interface IOAuthExchangeCodeStore
{
    /// <summary>False when the store cannot keep it right now.</summary>
    Task<bool> SaveAsync(string code, OAuthExchangeGrant grant, TimeSpan lifetime, CancellationToken ct);

    /// <summary>Returns and deletes the grant in one step; null when unknown, expired or already used.</summary>
    Task<OAuthExchangeGrant?> TakeAsync(string code, CancellationToken ct);
}

namespace AuthService.Application.OAuth;

/// <summary>
/// Everything the callback needs to trust a returning browser, kept server-side under the random
/// <c>state</c> value: the callback must come back for the same provider and intent, with the
/// PKCE verifier and nonce that only we know, to the app address chosen at the start, from the
/// browser that holds the binding secret whose keyed hash is <see cref="BrowserBindingHash"/>.
/// <see cref="ConfirmLink"/>: a link started with a ticket, finished only by the ticket owner's app.
/// </summary>
public sealed record OAuthState(
    string Provider,
    OAuthIntent Intent,
    string CodeVerifier,
    string Nonce,
    string AppRedirectUri,
    string? AppState,
    Guid? UserId,
    DateTimeOffset CreatedAt,
    string? BrowserBindingHash = null,
    bool ConfirmLink = false);

/// <summary>Short-lived, single-use authorization state (Redis).</summary>
public interface IOAuthStateStore
{
    /// <summary>False when the store cannot keep it right now (then no sign-in can start).</summary>
    Task<bool> SaveAsync(string state, OAuthState value, TimeSpan lifetime, CancellationToken ct);

    /// <summary>Returns and deletes the state in one step; null when unknown, expired, already taken
    /// or when the store cannot answer (the user then simply starts again).</summary>
    Task<OAuthState?> TakeAsync(string state, CancellationToken ct);
}

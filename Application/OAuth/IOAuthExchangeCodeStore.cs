namespace AuthService.Application.OAuth;

/// <summary>Who signed in through which provider; the session is opened only when the app redeems the code.</summary>
public sealed record OAuthExchangeGrant(Guid UserId, string Provider, DateTimeOffset CreatedAt);

/// <summary>One-time codes handed to the app at the end of the browser flow (Redis).</summary>
public interface IOAuthExchangeCodeStore
{
    /// <summary>False when the store cannot keep it right now.</summary>
    Task<bool> SaveAsync(string code, OAuthExchangeGrant grant, TimeSpan lifetime, CancellationToken ct);

    /// <summary>Returns and deletes the grant in one step; null when unknown, expired or already used.</summary>
    Task<OAuthExchangeGrant?> TakeAsync(string code, CancellationToken ct);
}

namespace AuthService.Application.Sessions;

/// <summary>
/// A refresh token starts with an authenticated handle naming its session (and its successors keep
/// it), so what needs the session of a presented token (the per-session refresh limit) reads it
/// from the token instead of the database. To clients the token stays opaque.
/// </summary>
public interface IRefreshTokenHandles
{
    /// <summary>A new refresh token of the session: its handle, then 256 random bits, URL-safe.</summary>
    string New(Guid sessionId);

    /// <summary>The session the token's handle names, when the handle is authentic; null for anything else. No I/O.</summary>
    Guid? SessionOf(string refreshToken);
}

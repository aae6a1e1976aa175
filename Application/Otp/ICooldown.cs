namespace AuthService.Application.Otp;

/// <summary>
/// "At most once per window" for a key (e.g. one code per destination per minute). A product
/// rule, not abuse protection, so it holds even when rate limiting is switched off. Fails open.
/// </summary>
public interface ICooldown
{
    /// <summary>Starts the window if none is running; otherwise returns how long is left.</summary>
    Task<TimeSpan?> TryStartAsync(string key, TimeSpan window, CancellationToken ct);
}

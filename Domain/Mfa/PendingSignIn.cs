namespace AuthService.Domain.Mfa;

/// <summary>
/// A sign-in that proved its first factor and waits for the second, found by its mfa_token.
/// It works once, until <see cref="ExpiresAt"/>, for <see cref="MaxAttempts"/> tries, and only
/// from the client (IP and user agent) that began it.
/// </summary>
public sealed class PendingSignIn
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }

    /// <summary>The first step's method (<c>password</c>, <c>otp</c>, <c>oauth:&lt;provider&gt;</c>), kept by the session.</summary>
    public required string AuthMethod { get; init; }

    public required IReadOnlyList<string> Amr { get; init; }
    public string? DeviceName { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Tries so far, this one included once <see cref="TryBeginAttempt"/> said yes.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>
    /// Burns one try before the code is compared, so parallel guesses cannot exceed the limit. The
    /// repository's conditional UPDATE mirrors this rule.
    /// </summary>
    public bool TryBeginAttempt(DateTimeOffset now)
    {
        if (ConsumedAt is not null || ExpiresAt <= now || Attempts >= MaxAttempts)
        {
            return false;
        }

        Attempts++;
        return true;
    }

    /// <summary>The token is bound to the client that began the sign-in: a stolen one is useless elsewhere.</summary>
    public bool IsFrom(string? ip, string? userAgent) =>
        string.Equals(Ip, ip, StringComparison.Ordinal) && string.Equals(UserAgent, userAgent, StringComparison.Ordinal);
}

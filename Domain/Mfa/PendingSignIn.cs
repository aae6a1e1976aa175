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

    private int _attempts;
    private DateTimeOffset? _consumedAt;

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
    public int Attempts { get => _attempts; init => _attempts = value; }

    public DateTimeOffset? ConsumedAt { get => _consumedAt; init => _consumedAt = value; }

    /// <summary>A sign-in whose first step (proven by <paramref name="amr"/>) just succeeded, for <see cref="Lifetime"/>.</summary>
    public static PendingSignIn Begin(
        Guid id, Guid userId, string authMethod, IReadOnlyList<string> amr, string? deviceName, string? ip, string? userAgent, DateTimeOffset now) =>
        new()
        {
            Id = id,
            UserId = userId,
            AuthMethod = authMethod,
            Amr = amr,
            DeviceName = deviceName,
            Ip = ip,
            UserAgent = userAgent,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };

    /// <summary>Not used, not expired, tries left: it could still complete a sign-in.</summary>
    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && ExpiresAt > now && Attempts < MaxAttempts;

    /// <summary>
    /// Burns one try before the code is compared, so parallel guesses cannot exceed the limit. The
    /// repository's conditional UPDATE mirrors this rule.
    /// </summary>
    public bool TryBeginAttempt(DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            return false;
        }

        _attempts++;
        return true;
    }

    /// <summary>Uses the token up once its factor was proven: it opens one session, once, before it expires.</summary>
    public bool TryConsume(DateTimeOffset now)
    {
        if (ConsumedAt is not null || ExpiresAt <= now)
        {
            return false;
        }

        _consumedAt = now;
        return true;
    }

    /// <summary>The token is bound to the client that began the sign-in: a stolen one is useless elsewhere.</summary>
    public bool IsFrom(string? ip, string? userAgent) =>
        string.Equals(Ip, ip, StringComparison.Ordinal) && string.Equals(UserAgent, userAgent, StringComparison.Ordinal);
}

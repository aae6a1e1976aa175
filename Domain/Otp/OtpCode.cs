namespace AuthService.Domain.Otp;

/// <summary>
/// A one-time code as stored: only its hash. Wrong tries burn attempts; the code dies
/// when consumed, expired, out of attempts, or replaced by a newer one.
/// </summary>
public sealed class OtpCode
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Wrong codes one destination may receive within <see cref="WrongCodeWindow"/>, across its
    /// codes and purposes: a new code every minute must not mean five more guesses forever.
    /// </summary>
    public const int MaxWrongPerDestination = 10;

    public static readonly TimeSpan WrongCodeWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public required Guid Id { get; init; }
    public required OtpPurpose Purpose { get; init; }
    public required string Destination { get; init; }
    public Guid? UserId { get; init; }
    public required string CodeHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsExhausted => Attempts >= MaxAttempts;
}

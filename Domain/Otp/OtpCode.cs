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
    public int Attempts { get; internal set; }
    public DateTimeOffset? ConsumedAt { get; internal set; }

    /// <summary>A code as stored, with the attempts burned and the consumption so far.</summary>
    public static OtpCode Restore(
        Guid id, OtpPurpose purpose, string destination, Guid? userId, string codeHash,
        DateTimeOffset createdAt, DateTimeOffset expiresAt, int attempts, DateTimeOffset? consumedAt) => new()
        {
            Id = id,
            Purpose = purpose,
            Destination = destination,
            UserId = userId,
            CodeHash = codeHash,
            CreatedAt = createdAt,
            ExpiresAt = expiresAt,
            Attempts = attempts,
            ConsumedAt = consumedAt,
        };

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsExhausted => Attempts >= MaxAttempts;

    /// <summary>
    /// One try: a used or expired code refuses it as it is; otherwise an attempt is burned before
    /// the comparison (so the try that finds the code exhausted is refused, the right code
    /// included), and the right code consumes it. <paramref name="matches"/> compares the
    /// candidate with the stored hash (keyed, constant time: the caller's hasher).
    /// </summary>
    public OtpAttempt Attempt(Func<string, bool> matches, DateTimeOffset now)
    {
        if (ConsumedAt is not null)
        {
            return OtpAttempt.Used;
        }

        if (IsExpired(now))
        {
            return OtpAttempt.Expired;
        }

        if (IsExhausted)
        {
            return OtpAttempt.Exhausted;
        }

        Attempts++;
        if (!matches(CodeHash))
        {
            return OtpAttempt.Wrong;
        }

        ConsumedAt = now;
        return OtpAttempt.Accepted;
    }
}

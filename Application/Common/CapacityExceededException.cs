namespace AuthService.Application.Common;

/// <summary>A bounded resource (password hashing) is saturated; the caller should retry later.</summary>
public sealed class CapacityExceededException : Exception
{
    public CapacityExceededException()
        : this("The service is busy.")
    {
    }

    public CapacityExceededException(string message)
        : base(message)
    {
    }

    public CapacityExceededException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}

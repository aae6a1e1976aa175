namespace AuthService.Application.Abstractions;

/// <summary>
/// Lets an outbound adapter say what one of its own exceptions means for the caller (for example
/// PostgreSQL refusing a value it cannot store is the client's mistake, not ours), so the HTTP
/// adapter's last-resort handler can answer with that instead of a 500 without knowing the driver.
/// </summary>
public interface IRejectedInputClassifier
{
    /// <summary>The error to answer with, or null when this adapter does not know the exception.</summary>
    Error? Classify(Exception exception);
}

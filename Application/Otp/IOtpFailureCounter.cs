namespace AuthService.Application.Otp;

/// <summary>
/// Wrong codes per destination, across codes and purposes (Redis). A guess is counted before the
/// comparison and handed back when it was right, so parallel guesses cannot pass the limit. Fails
/// open: while Redis cannot answer, only each code's own attempt limit holds.
/// </summary>
public interface IOtpFailureCounter
{
    /// <summary>
    /// Counts one more guess at <paramref name="key"/>; null when it is within
    /// <paramref name="limit"/> in the window that the first counted guess started, else how long
    /// until that window ends (and nothing was counted).
    /// </summary>
    Task<TimeSpan?> TryCountAsync(string key, int limit, TimeSpan window, CancellationToken ct);

    /// <summary>The guess counted last was the right code: it does not count.</summary>
    Task ForgiveAsync(string key, CancellationToken ct);
}

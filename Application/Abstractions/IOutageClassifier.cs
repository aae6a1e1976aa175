namespace AuthService.Application.Abstractions;

/// <summary>
/// Tells an outage of a backing service (PostgreSQL unreachable or restarting, a pool that cannot
/// hand out a connection) apart from a bug. Each adapter that talks to a server implements it for
/// its own exceptions; the HTTP adapter answers an outage with 503 and Retry-After, never 500.
/// </summary>
public interface IOutageClassifier
{
    /// <summary>The dependency's name ("postgres") when <paramref name="exception"/> is an outage of it, else null.</summary>
    string? Classify(Exception exception);
}

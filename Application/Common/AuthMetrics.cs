using System.Diagnostics.Metrics;

namespace AuthService.Application.Common;

/// <summary>
/// The service's own meter, <c>AuthService</c>, exported with the framework's at <c>GET /metrics</c>
/// on the admin listener. Call it where the thing happens (a use case, an adapter); labels are
/// short fixed words, never an identifier, address or token.
/// </summary>
public static class AuthMetrics
{
    public const string MeterName = "AuthService";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>(
        "authservice.sign_ins", description: "Sign-in attempts, by method (password, otp, oauth, ...) and result (success or the reason it failed).");

    private static readonly Counter<long> RefreshReuse = Meter.CreateCounter<long>(
        "authservice.refresh_reuse_detections", description: "Rotated refresh tokens used again: each revoked its session.");

    private static readonly Counter<long> Revocations = Meter.CreateCounter<long>(
        "authservice.sessions_revoked", description: "Sessions revoked (sign-out, revoke, reuse, password change, admin action).");

    private static readonly UpDownCounter<long> HashQueue = Meter.CreateUpDownCounter<long>(
        "authservice.password_hash_queue_depth", description: "Password hashes waiting for a hashing slot now.");

    private static readonly Histogram<double> HashWait = Meter.CreateHistogram<double>(
        "authservice.password_hash_queue_wait", unit: "s", description: "How long a password hash waited for a hashing slot.");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "authservice.rate_limit_rejections", description: "Requests refused by a rate limit, by policy.");

    public static void SignIn(string method, string result) =>
        SignIns.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("result", result));

    public static void RefreshReuseDetected() => RefreshReuse.Add(1);

    public static void SessionsRevoked(int count) => Revocations.Add(count);

    public static void HashQueued() => HashQueue.Add(1);

    public static void HashDequeued(TimeSpan waited)
    {
        HashQueue.Add(-1);
        HashWait.Record(waited.TotalSeconds);
    }

    /// <summary>A hash that got a slot at once: no wait, but counted, so the histogram's count is every hash.</summary>
    public static void HashStartedAtOnce() => HashWait.Record(0);

    public static void RateLimitRejected(string policy) =>
        RateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));
}

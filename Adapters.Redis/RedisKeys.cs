namespace AuthService.Adapters.Redis;

/// <summary>
/// Every key is <c>auth:&lt;purpose&gt;:&lt;id&gt;</c> and is written with a TTL, but for the
/// revocation cache's "complete" marker, which must vanish only with the entries themselves.
/// </summary>
internal static class RedisKeys
{
    public const string RevocationsComplete = "auth:revocations:complete";

    /// <summary>The ticket of the refill under way; it goes with the data if Redis loses it again.</summary>
    public const string RevocationsRestoring = "auth:revocations:restoring";

    public static string Revoked(Guid sessionId) => string.Create(49, sessionId, static (span, id) =>
    {
        "auth:revoked:".CopyTo(span);
        id.TryFormat(span[13..], out _, "D");
    });

    public static string RateLimit(string bucket, long windowStartSeconds) => $"auth:rl:{bucket}:{windowStartSeconds}";
}

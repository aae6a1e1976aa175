namespace AuthService.Adapters.Redis;

/// <summary>Every key is <c>auth:&lt;purpose&gt;:&lt;id&gt;</c> and is written with a TTL.</summary>
internal static class RedisKeys
{
    public static string Revoked(Guid sessionId) => string.Create(49, sessionId, static (span, id) =>
    {
        "auth:revoked:".CopyTo(span);
        id.TryFormat(span[13..], out _, "D");
    });

    public static string RateLimit(string bucket, long windowStartSeconds) => $"auth:rl:{bucket}:{windowStartSeconds}";
}

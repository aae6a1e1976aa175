using AuthService.Application.OAuth;

namespace AuthService.Adapters.Redis.OAuth;

/// <summary><c>auth:oauth_state:&lt;sha256(state)&gt;</c>, JSON, single use, 10-minute TTL by default.</summary>
internal sealed class RedisOAuthStateStore(RedisCalls redis)
    : OneTimeValues<OAuthState>(redis, "oauth_state"), IOAuthStateStore;

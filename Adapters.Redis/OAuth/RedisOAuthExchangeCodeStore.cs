using AuthService.Application.OAuth;

namespace AuthService.Adapters.Redis.OAuth;

/// <summary><c>auth:oauth_code:&lt;sha256(code)&gt;</c>, JSON, single use, 60-second TTL by default.</summary>
internal sealed class RedisOAuthExchangeCodeStore(RedisCalls redis)
    : OneTimeValues<OAuthExchangeGrant>(redis, "oauth_code"), IOAuthExchangeCodeStore;

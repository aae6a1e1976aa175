using System.Text.Json;
using AuthService.Application.OAuth;

namespace AuthService.Adapters.Redis.OAuth;

/// <summary><c>auth:oauth_code:&lt;sha256(code)&gt;</c>, JSON, single use, 60-second TTL by default.</summary>
internal sealed class RedisOAuthExchangeCodeStore(RedisCalls redis) : IOAuthExchangeCodeStore
{
    private const string Purpose = "oauth_code";

    public Task<bool> SaveAsync(string code, OAuthExchangeGrant grant, TimeSpan lifetime, CancellationToken ct) =>
        OneTimeValues.SaveAsync(redis, Purpose, OneTimeValues.Key(Purpose, code), JsonSerializer.Serialize(grant), lifetime, ct);

    public async Task<OAuthExchangeGrant?> TakeAsync(string code, CancellationToken ct)
    {
        var json = await OneTimeValues.TakeAsync(redis, Purpose, OneTimeValues.Key(Purpose, code), ct);
        return json is null ? null : JsonSerializer.Deserialize<OAuthExchangeGrant>(json);
    }
}

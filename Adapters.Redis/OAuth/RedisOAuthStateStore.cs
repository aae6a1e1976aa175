using System.Text.Json;
using AuthService.Application.OAuth;

namespace AuthService.Adapters.Redis.OAuth;

/// <summary><c>auth:oauth_state:&lt;sha256(state)&gt;</c>, JSON, single use, 10-minute TTL by default.</summary>
internal sealed class RedisOAuthStateStore(RedisCalls redis) : IOAuthStateStore
{
    private const string Purpose = "oauth_state";

    public Task<bool> SaveAsync(string state, OAuthState value, TimeSpan lifetime, CancellationToken ct) =>
        OneTimeValues.SaveAsync(redis, Purpose, OneTimeValues.Key(Purpose, state), JsonSerializer.Serialize(value), lifetime, ct);

    public async Task<OAuthState?> TakeAsync(string state, CancellationToken ct)
    {
        var json = await OneTimeValues.TakeAsync(redis, Purpose, OneTimeValues.Key(Purpose, state), ct);
        return json is null ? null : JsonSerializer.Deserialize<OAuthState>(json);
    }
}

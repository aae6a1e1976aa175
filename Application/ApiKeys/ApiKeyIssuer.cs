using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>A new key's plaintext, hash and times, for both kinds: only the marker and the owner differ.</summary>
internal sealed class ApiKeyIssuer(ISecretGenerator secrets, ISecretHasher hasher, IIdGenerator ids, TimeProvider clock)
{
    public (ApiKey Key, string Plaintext) ForUser(Guid userId, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt) =>
        Issue(ApiKeyKind.User, (id, prefix, hash, now) => ApiKey.ForUser(id, userId, name, prefix, hash, scopes, now, expiresAt));

    public (ApiKey Key, string Plaintext) ForService(string name, string? service, Guid? createdBy, DateTimeOffset? expiresAt) =>
        Issue(ApiKeyKind.Service, (id, prefix, hash, now) => ApiKey.ForService(id, name, service, createdBy, prefix, hash, now, expiresAt));

    private (ApiKey Key, string Plaintext) Issue(ApiKeyKind kind, Func<Guid, string, string, DateTimeOffset, ApiKey> create)
    {
        // PostgreSQL keeps microseconds: round now so the created_at shown at issue equals the listed one.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var prefix = ApiKeyFormat.NewPrefix();
        var plaintext = ApiKeyFormat.Compose(prefix, secrets.NewOpaqueToken(), ApiKeyFormat.MarkerOf(kind));

        // The HMAC covers the marker and the prefix too, so a stored hash matches only the key it was made for.
        return (create(ids.NewId(), prefix, hasher.Hash(plaintext), now), plaintext);
    }
}

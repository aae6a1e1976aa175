using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>
/// The one authentication path of both kinds of key. Format first (no I/O for garbage), then the
/// public prefix finds the candidate rows and the HMAC decides in constant time; the key must be
/// of the kind its marker claims and active.
/// </summary>
internal sealed class ApiKeyVerifier(IApiKeyRepository keys, ISecretHasher hasher, IUnitOfWork uow, TimeProvider clock)
{
    /// <summary>The active key of <paramref name="kind"/> that <paramref name="key"/> is; null for anything else.</summary>
    public async Task<ApiKey?> FindActiveAsync(string key, ApiKeyKind kind, CancellationToken ct)
    {
        if (ApiKeyFormat.PrefixOf(key, ApiKeyFormat.MarkerOf(kind)) is not { } prefix)
        {
            return null;
        }

        var candidates = await keys.FindByPrefixAsync(prefix, ct);
        var found = candidates.FirstOrDefault(k => hasher.Matches(key, k.KeyHash));
        return found is not null && found.Kind == kind && found.IsActive(clock.GetUtcNow()) ? found : null;
    }

    /// <summary>Writes last_used_at when <see cref="ApiKey.RecordUse"/> says so (once a minute at most).</summary>
    public async Task RecordUseAsync(ApiKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (key.RecordUse(now))
        {
            await keys.TouchLastUsedAsync(key.Id, now, now - ApiKey.UseRecordInterval, ct);
            await uow.CommitAsync(ct);
        }
    }
}

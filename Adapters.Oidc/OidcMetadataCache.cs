using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Adapters.Oidc;

/// <summary>
/// Discovery documents and JWKS per provider, cached for the configured lifetime. The key set is
/// fetched again early when a token names a key we do not know (the provider rotated its keys),
/// but at most every <see cref="MinKeyRefreshInterval"/>, so tokens with made-up key ids cannot
/// turn us into a flood against the provider. A failed refresh keeps serving the last good copy.
/// </summary>
internal sealed class OidcMetadataCache(
    ProviderHttp http,
    IOptions<OidcOptions> options,
    TimeProvider clock,
    ILogger<OidcMetadataCache> logger)
{
    private static readonly TimeSpan MinKeyRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Cached<ProviderMetadata>> _metadata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Cached<IReadOnlyList<JsonWebKey>>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<ProviderMetadata?> GetMetadataAsync(ProviderSettings provider, CancellationToken ct)
    {
        if (_metadata.TryGetValue(provider.Name, out var cached) && Fresh(cached))
        {
            return cached.Value;
        }

        var gate = _locks.GetOrAdd("meta:" + provider.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_metadata.TryGetValue(provider.Name, out cached) && Fresh(cached))
            {
                return cached.Value;
            }

            var fetched = await FetchMetadataAsync(provider, ct);
            if (fetched is null)
            {
                return cached?.Value;
            }

            _metadata[provider.Name] = new Cached<ProviderMetadata>(fetched, clock.GetUtcNow());
            return fetched;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The provider's signing keys; fetched again first when <paramref name="kid"/> is not among them.</summary>
    public async Task<IReadOnlyList<JsonWebKey>> GetKeysAsync(
        ProviderSettings provider, ProviderMetadata metadata, string? kid, CancellationToken ct)
    {
        if (_keys.TryGetValue(provider.Name, out var cached) && Fresh(cached) && Knows(cached.Value, kid))
        {
            return cached.Value;
        }

        var gate = _locks.GetOrAdd("keys:" + provider.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_keys.TryGetValue(provider.Name, out cached)
                && ((Fresh(cached) && Knows(cached.Value, kid)) || clock.GetUtcNow() - cached.FetchedAt < MinKeyRefreshInterval))
            {
                return cached.Value;
            }

            var fetched = await FetchKeysAsync(provider, metadata, ct);
            if (fetched is null)
            {
                return cached?.Value ?? [];
            }

            _keys[provider.Name] = new Cached<IReadOnlyList<JsonWebKey>>(fetched, clock.GetUtcNow());
            return fetched;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ProviderMetadata?> FetchMetadataAsync(ProviderSettings provider, CancellationToken ct)
    {
        var url = new Uri(provider.Issuer!.TrimEnd('/') + "/.well-known/openid-configuration");
        var body = await FetchJsonAsync(provider, url, "discovery document", ct);
        if (body is not { } doc)
        {
            return null;
        }

        var metadata = DiscoveryDocument.Parse(doc, provider.Issuer!, out var problem);
        if (metadata is null)
        {
            logger.LogWarning("OAuth provider {Provider}: discovery document rejected: {Problem}", provider.Name, problem);
        }

        return metadata;
    }

    private async Task<IReadOnlyList<JsonWebKey>?> FetchKeysAsync(
        ProviderSettings provider, ProviderMetadata metadata, CancellationToken ct)
    {
        if (await FetchJsonAsync(provider, metadata.JwksUri, "key set", ct) is not { } doc)
        {
            return null;
        }

        try
        {
            var set = new JsonWebKeySet(doc.GetRawText());
            var keys = set.Keys
                .Where(k => (string.IsNullOrEmpty(k.Use) || k.Use == "sig") && k.Kty is "RSA" or "EC")
                .Where(k => !k.HasPrivateKey)
                .ToList();
            return keys;
        }
        catch (ArgumentException ex)
        {
            logger.LogWarning(ex, "OAuth provider {Provider}: key set rejected", provider.Name);
            return null;
        }
    }

    private async Task<JsonElement?> FetchJsonAsync(ProviderSettings provider, Uri url, string what, CancellationToken ct)
    {
        try
        {
            var (status, body) = await http.GetAsync(url, ct);
            if (status == 200 && body is { ValueKind: JsonValueKind.Object })
            {
                return body;
            }

            logger.LogWarning("OAuth provider {Provider}: {What} answered {Status}", provider.Name, what, status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "OAuth provider {Provider}: {What} could not be fetched", provider.Name, what);
        }

        return null;
    }

    private bool Fresh<T>(Cached<T> cached) => clock.GetUtcNow() - cached.FetchedAt < options.Value.MetadataLifetime;

    private static bool Knows(IReadOnlyList<JsonWebKey> keys, string? kid) =>
        kid is null || keys.Any(k => k.Kid == kid);

    private sealed record Cached<T>(T Value, DateTimeOffset FetchedAt);
}

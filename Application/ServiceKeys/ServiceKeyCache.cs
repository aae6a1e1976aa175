using System.Collections.Concurrent;
using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ServiceKeys;

/// <summary>
/// Verified service keys for one second, keyed by the key's HMAC: a downstream service calls
/// introspection for nearly every request it serves, and one PostgreSQL read per call would be
/// the endpoint's main cost. The HMAC is the lookup key because it can only be computed with the
/// server's secret, so a timing difference in the dictionary lookup tells a caller nothing.
/// A revocation clears this instance's cache at once; others forget within the lifetime.
/// </summary>
internal sealed class ServiceKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    // Few services hold keys; the bound only stops garbage from growing the dictionary.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset CachedAt)> _entries = new(StringComparer.Ordinal);

    public ApiKey? Find(string keyHash)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(keyHash, out var entry) && now - entry.CachedAt < Lifetime && entry.Key.IsActive(now)
            ? entry.Key
            : null;
    }

    public void Add(string keyHash, ApiKey key)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[keyHash] = (key, clock.GetUtcNow());
    }

    public void Clear() => _entries.Clear();
}

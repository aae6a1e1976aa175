using System.Collections.Concurrent;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>
/// Tokens that passed full validation, with their (completed) result. A token's signature, issuer
/// and audience verdicts can never change and our keys change only with a restart, so a hit only
/// needs its expiry checked again: a dictionary lookup instead of an ECDSA verification and a JSON
/// parse on every request of a client that reuses its token. Revocation is not cached here; the
/// caller checks it separately on every request. Only valid tokens get in, which nobody but us can
/// mint, so the size follows what we issue; it is capped all the same and emptied when full.
/// </summary>
internal sealed class ValidatedTokenCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Task<AccessTokenValidation>> _entries = new(StringComparer.Ordinal);
    private int _count;

    public bool TryGet(string token, out Task<AccessTokenValidation> validation) => _entries.TryGetValue(token, out validation!);

    public void Add(string token, AccessTokenValidation validation)
    {
        // ConcurrentDictionary.Count takes every lock; an approximate counter is enough for a cap.
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Exchange(ref _count, 1);
            _entries.Clear();
        }

        _entries[token] = Task.FromResult(validation);
    }

    public void Remove(string token) => _entries.TryRemove(token, out _);
}

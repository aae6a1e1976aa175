using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// The commonly used and breached passwords of a published list (one per line, gzip), held as a
/// sorted array of 64-bit FNV-1a hashes of their lower-cased form: 8 bytes a password instead of a
/// string each, and a lookup is one lower-casing, one hash and a binary search (~20 comparisons).
/// Two passwords sharing a 64-bit hash is possible in theory; the cost would be one refused
/// password, never an accepted one. Loaded once per file and process.
/// </summary>
internal sealed class BreachedPasswordList : IPasswordScreen
{
    /// <summary>A list shorter than this is taken for a truncated file, not a list.</summary>
    public const int MinimumEntries = 100_000;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private static readonly ConcurrentDictionary<string, Lazy<BreachedPasswordList>> Loaded = new(StringComparer.Ordinal);

    private readonly ulong[] _hashes;

    private BreachedPasswordList(ulong[] hashes) => _hashes = hashes;

    public int Count => _hashes.Length;

    public static BreachedPasswordList Load(string path) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), full => new Lazy<BreachedPasswordList>(() => Read(full))).Value;

    public bool IsCommon(string password) =>
        password.Length <= 1024 && Array.BinarySearch(_hashes, Hash(password)) >= 0;

    private static BreachedPasswordList Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream data = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(data, new UTF8Encoding(false, false));
        var hashes = new List<ulong>(500_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                hashes.Add(Hash(line));
            }
        }

        var sorted = hashes.Distinct().Order().ToArray();
        return sorted.Length >= MinimumEntries
            ? new BreachedPasswordList(sorted)
            : throw new InvalidOperationException(
                $"PASSWORD__BREACHED_LIST_FILE: {path} holds {sorted.Length} passwords, fewer than {MinimumEntries}; is it truncated?");
    }

    private static ulong Hash(string password)
    {
        Span<char> lower = password.Length <= 256 ? stackalloc char[password.Length] : new char[password.Length];
        password.AsSpan().ToLowerInvariant(lower);
        var hash = FnvOffset;
        foreach (var c in lower)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        return hash;
    }
}

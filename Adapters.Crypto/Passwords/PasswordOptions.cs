using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Crypto.Passwords;

internal sealed class PasswordOptions
{
    public const string Section = "PASSWORD";

    /// <summary>Argon2id memory in KiB; 19456 (19 MiB) with t=2 is OWASP's minimum.</summary>
    [ConfigurationKeyName("ARGON2_MEMORY_KIB")]
    public int MemoryKib { get; set; } = 19456;

    [ConfigurationKeyName("ARGON2_ITERATIONS")]
    public int Iterations { get; set; } = 2;

    /// <summary>Each hash holds its memory for its whole run, so this also bounds memory use.</summary>
    [ConfigurationKeyName("MAX_CONCURRENT_HASHES")]
    public int MaxConcurrentHashes { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request may wait for a hashing slot before it is answered 503.</summary>
    [ConfigurationKeyName("QUEUE_TIMEOUT_MS")]
    public int QueueTimeoutMs { get; set; } = 5000;

    /// <summary>
    /// How many may wait for a slot; beyond, a request is answered 503 at once rather than after
    /// waiting in a queue it cannot get through in time. Default: 64 per core.
    /// </summary>
    [ConfigurationKeyName("MAX_QUEUED_HASHES")]
    public int MaxQueuedHashes { get; set; } = 64 * Environment.ProcessorCount;

    /// <summary>The breached-password list (gzip or plain, one a line); default: the npm copy under .tools/.</summary>
    [ConfigurationKeyName("BREACHED_LIST_FILE")]
    public string? BreachedListFile { get; set; }
}

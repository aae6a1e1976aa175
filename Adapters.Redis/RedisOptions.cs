using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Redis;

internal sealed class RedisOptions
{
    public const string Section = "REDIS";

    /// <summary><c>redis://[:password@]host:port[/db]</c>; <c>rediss://</c> for TLS.</summary>
    [ConfigurationKeyName("URL")]
    public string Url { get; set; } = "redis://127.0.0.1:6379/0";

    /// <summary>How long any one call may take before Redis counts as unavailable for it.</summary>
    [ConfigurationKeyName("TIMEOUT_MS")]
    public int TimeoutMs { get; set; } = 250;

    /// <summary>
    /// How long an instance trusts Redis's "this session is not revoked" before asking again.
    /// A revocation made elsewhere is seen here at most this much later; the contract allows 1 s.
    /// 0 asks Redis on every request.
    /// </summary>
    [ConfigurationKeyName("REVOCATION_RECHECK_MS")]
    public int RevocationRecheckMs { get; set; } = 500;
}

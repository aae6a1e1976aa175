using System.Net;
using Microsoft.Extensions.Configuration;

namespace AuthService.Host.Configuration;

/// <summary>SERVER__*: where the two listeners bind.</summary>
internal sealed class ServerOptions
{
    public const string Section = "SERVER";

    [ConfigurationKeyName("PUBLIC_PORT")]
    public int PublicPort { get; set; } = 8001;

    [ConfigurationKeyName("ADMIN_PORT")]
    public int AdminPort { get; set; } = 8002;

    [ConfigurationKeyName("BIND")]
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> is believed: IP addresses or CIDR networks,
    /// comma-separated. Empty (the default): the header is ignored and the socket's peer is the
    /// client, since anybody could send it. Rate limits, sessions and the audit log use the result.
    /// </summary>
    [ConfigurationKeyName("TRUSTED_PROXIES")]
    public string TrustedProxies { get; set; } = "";

    public IReadOnlyList<IPNetwork> TrustedProxyNetworks() =>
        [.. TrustedProxies.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseNetwork)];

    private static IPNetwork ParseNetwork(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : throw new InvalidOperationException(
            $"SERVER__TRUSTED_PROXIES must list IP addresses or CIDR networks separated by commas; '{entry}' is neither.");

    public IPAddress BindAddress() =>
        Bind.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Bind, out var address) ? address
        : throw new InvalidOperationException($"SERVER__BIND must be an IP address, got '{Bind}'.");
}

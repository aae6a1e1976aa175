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

    public IPAddress BindAddress() =>
        Bind.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Bind, out var address) ? address
        : throw new InvalidOperationException($"SERVER__BIND must be an IP address, got '{Bind}'.");
}

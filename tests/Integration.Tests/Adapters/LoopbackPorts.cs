using System.Net;
using System.Net.Sockets;

namespace AuthService.Integration.Tests.Adapters;

internal static class LoopbackPorts
{
    /// <summary>A loopback port with nothing listening on it (free right now).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

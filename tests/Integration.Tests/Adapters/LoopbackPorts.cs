using System.Net.Sockets;

namespace AuthService.Integration.Tests.Adapters;

internal static class LoopbackPorts
{
    // Below Linux's ephemeral range (32768–60999). A port the OS hands out for port 0 comes from
    // that range, and so does every outgoing connection's local port: on a machine running several
    // suites at once, one of those connections can take the port between this check and the
    // listener's bind ("address already in use"). Ports chosen here are never taken that way.
    private const int First = 20000;
    private const int Last = 32000;

    /// <summary>A loopback port with nothing listening on it (free right now).</summary>
    public static int Free()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException) when (attempt < 200)
            {
                // Taken: try another.
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using AuthService.Application.Webhooks;

namespace AuthService.Adapters.Webhooks;

internal sealed class TargetRefusedException(string message) : Exception(message);

/// <summary>
/// Connects the webhook client itself, so the address checked is the address used: a host name
/// that resolves to a loopback or private address (or starts to, between two deliveries) is
/// refused unless WEBHOOKS__ALLOW_PRIVATE_TARGETS is on.
/// </summary>
internal static class TargetGuard
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (!allowPrivate && addresses.Any(WebhookTargets.IsInternal))
        {
            throw new TargetRefusedException("target refused: it resolves to a loopback or private address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

using System.Net.Sockets;
using AuthService.Integration.Tests.Adapters;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>
/// A mail server that is down (nothing listens: connections are refused) until <see cref="Up"/>,
/// then the real maildev behind a TCP relay on the same port.
/// </summary>
public sealed class SwitchableSmtp : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;

    public int Port { get; } = LoopbackPorts.Free();

    public void Up()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = RelayAsync(listener);
    }

    public void Down()
    {
        _listener?.Stop();
        _listener = null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        Down();
        _stop.Dispose();
    }

    private async Task RelayAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(_stop.Token);
                _ = PairAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PairAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(TestServices.SmtpHost, int.Parse(TestServices.SmtpPort, System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
                var up = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                var down = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}

using System.Collections.Concurrent;

namespace AuthService.Integration.Tests.Adapters.Smtp;

/// <summary>A stand-in SMS gateway on loopback that records what it receives.</summary>
internal sealed class SmsWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _failuresLeft;
    private int _requests;

    public SmsWebhook(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        Url = $"http://127.0.0.1:{LoopbackPorts.Free()}/sms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                Interlocked.Increment(ref _requests);
                if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                {
                    context.Response.StatusCode = 503;
                }
                else
                {
                    using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                    Received.Enqueue(body.RootElement.Clone());
                    context.Response.StatusCode = 202;
                }

                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }
}

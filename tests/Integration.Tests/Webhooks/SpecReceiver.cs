using System.Collections.Concurrent;
using System.Security.Cryptography;
using AuthService.Integration.Tests.Adapters;

namespace AuthService.Integration.Tests.Webhooks;

/// <summary>
/// A downstream service's webhook receiver, written from the Standard Webhooks spec (not by
/// calling our signer): the signed content is "{webhook-id}.{webhook-timestamp}.{raw body}",
/// HMAC-SHA256 under the base64-decoded part of the whsec_ secret, compared in constant time with
/// each "v1,&lt;base64&gt;" in webhook-signature; a timestamp more than 5 minutes off is refused.
/// It answers with the scripted statuses first, then 200.
/// </summary>
public sealed class SpecReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _script;

    public SpecReceiver(string secret, params int[] statuses)
    {
        Secret = secret;
        _script = new ConcurrentQueue<int>(statuses);
        Url = $"http://127.0.0.1:{LoopbackPorts.Free()}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public sealed record Delivery(string Id, long Timestamp, bool Verified, string Body, JsonElement Event, int AnsweredWith);

    public string Url { get; }

    public string Secret { get; set; }

    public ConcurrentQueue<Delivery> Received { get; } = new();

    /// <summary>Where a 3xx answer points (its Location).</summary>
    public string? RedirectTo { get; set; }

    public void Dispose() => _listener.Close();

    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal) || TryBase64(secret["whsec_".Length..]) is not { } key)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => TryBase64(s[3..]))
            .Any(candidate => candidate is not null && CryptographicOperations.FixedTimeEquals(candidate, expected));
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) ? buffer[..length] : null;
    }

    private async Task ServeAsync()
    {
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var id = context.Request.Headers["webhook-id"] ?? "";
                var timestamp = context.Request.Headers["webhook-timestamp"] ?? "";
                var signature = context.Request.Headers["webhook-signature"] ?? "";
                var fresh = long.TryParse(timestamp, out var ts) && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) <= 300;
                var verified = fresh && id.Length > 0 && Verify(Secret, id, timestamp, body, signature);
                var status = _script.TryDequeue(out var scripted) ? scripted : verified ? 200 : 401;
                Received.Enqueue(new Delivery(id, ts, verified, body, JsonDocument.Parse(body).RootElement.Clone(), status));
                context.Response.StatusCode = status;
                if (status is >= 300 and < 400 && RedirectTo is not null)
                {
                    context.Response.RedirectLocation = RedirectTo;
                }

                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }
}

using System.Threading.Channels;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Smtp;

/// <summary>
/// The request only enqueues; the dispatcher talks to the mail server. The queue is bounded so a
/// flood cannot eat memory. When full we neither drop the oldest nor the newest message: either
/// would silently lose someone's code while the API says "sent". The caller waits briefly for
/// room, then gets <see cref="CapacityExceededException"/> (503 with Retry-After) and can retry.
/// </summary>
internal sealed class NotificationQueue : INotificationSender
{
    public const int Capacity = 10_000;
    private static readonly TimeSpan FullWait = TimeSpan.FromSeconds(2);

    private readonly Channel<Notification> _channel = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    public ChannelReader<Notification> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(Notification notification, CancellationToken ct) =>
        _channel.Writer.TryWrite(notification) ? ValueTask.CompletedTask : WaitForRoomAsync(notification, ct);

    public void Complete() => _channel.Writer.TryComplete();

    private async ValueTask WaitForRoomAsync(Notification notification, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(FullWait);
        try
        {
            await _channel.Writer.WriteAsync(notification, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CapacityExceededException("The outgoing message queue is full.") { RetryAfter = TimeSpan.FromSeconds(5) };
        }
        catch (ChannelClosedException e)
        {
            throw new CapacityExceededException("The service is shutting down.", e);
        }
    }
}

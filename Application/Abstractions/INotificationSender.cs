namespace AuthService.Application.Abstractions;

public enum NotificationChannel
{
    Email,
    Sms,
}

public sealed record Notification(NotificationChannel Channel, string To, string Subject, string Body);

/// <summary>Queues a message for delivery; it never blocks the request on the mail server.</summary>
public interface INotificationSender
{
    ValueTask EnqueueAsync(Notification notification, CancellationToken ct);
}

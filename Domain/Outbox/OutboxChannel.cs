namespace AuthService.Domain.Outbox;

public enum OutboxChannel
{
    Email,
    Sms,
    Webhook,
}

namespace AuthService.Application.Webhooks;

public static class WebhookErrors
{
    /// <summary>An unknown or deleted endpoint, or an id that is no UUID.</summary>
    public static Error NotFound => new(ErrorCode.NotFound, "No such webhook endpoint.");
}

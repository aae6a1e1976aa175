using System.Net.Mail;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Smtp;

public static class SmtpAdapter
{
    /// <summary>
    /// Outgoing email (SMTP) and SMS (webhook) behind a bounded in-process queue.
    /// Settings: SMTP__HOST, SMTP__PORT, SMTP__FROM, SMTP__USERNAME, SMTP__PASSWORD,
    /// SMTP__ENABLE_SSL, SMS__WEBHOOK_URL.
    /// </summary>
    public static IServiceCollection AddSmtp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "SMTP__HOST must not be empty.")
            .Validate(o => o.Port is > 0 and <= 65535, "SMTP__PORT must be a TCP port.")
            .Validate(o => MailAddress.TryCreate(o.From, out _), "SMTP__FROM must be an address such as 'AuthService <no-reply@example.com>'.")
            .ValidateOnStart();
        services.AddOptions<SmsOptions>()
            .Bind(configuration.GetSection(SmsOptions.Section))
            .Validate(
                o => string.IsNullOrWhiteSpace(o.WebhookUrl)
                    || (Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "SMS__WEBHOOK_URL must be an http(s) URL.")
            .ValidateOnStart();

        services.AddHttpClient(SmsSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<NotificationQueue>());
        services.AddSingleton<EmailSender>();
        services.AddSingleton<SmsSender>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}

using System.Net.Mail;
using AuthService.Application.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Smtp;

public static class SmtpAdapter
{
    /// <summary>
    /// The outbox's e-mail transport (SMTP through MailKit) and, when SMS__WEBHOOK_URL is set, its SMS
    /// transport. Settings: SMTP__HOST, SMTP__PORT, SMTP__FROM, SMTP__USERNAME, SMTP__PASSWORD,
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

        services.AddSingleton<IMessageTransport, EmailTransport>();

        // Without a webhook there is no SMS transport: SMS rows wait (and are retried, then dead)
        // instead of vanishing, so setting the URL and restarting still delivers them.
        if (!string.IsNullOrWhiteSpace(configuration[$"{SmsOptions.Section}:WEBHOOK_URL"]))
        {
            services.AddHttpClient(SmsTransport.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
            services.AddSingleton<IMessageTransport, SmsTransport>();
        }

        return services;
    }
}

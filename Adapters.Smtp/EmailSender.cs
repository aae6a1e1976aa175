using System.Net;
using System.Net.Mail;
using System.Text;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Smtp;

internal sealed class EmailSender(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _options = options.Value;
    private readonly MailAddress _from = new(options.Value.From);

    public async Task SendAsync(Notification notification, CancellationToken ct)
    {
        using var message = new MailMessage(_from, new MailAddress(notification.To))
        {
            Subject = notification.Subject,
            Body = notification.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };

        // One client per message: SmtpClient is not safe for concurrent sends, and it opens
        // a connection per message anyway.
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            Timeout = 10_000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(_options.Username))
        {
            client.Credentials = new NetworkCredential(_options.Username, _options.Password);
        }

        await client.SendMailAsync(message, ct);
    }
}

using System.Net.Mail;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Smtp;

/// <summary>
/// A few workers drain the queue concurrently, so one slow mail server round trip does not hold
/// up everybody's codes. Failures are retried with backoff; logs name the channel and a
/// description of the recipient, never the message (it carries a code).
/// </summary>
internal sealed class NotificationDispatcher(
    NotificationQueue queue, EmailSender email, SmsSender sms, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    public const int Workers = 3;

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _abort = new();
    private int _stopped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once only: a host may stop us again after disposing us (WebApplicationFactory does).
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Take no new messages, give the queued ones a few seconds, then give up on the rest.
        queue.Complete();
        _abort.CancelAfter(DrainGrace);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => RunWorkerAsync(_abort.Token), CancellationToken.None)));

    private async Task RunWorkerAsync(CancellationToken abort)
    {
        try
        {
            await foreach (var notification in queue.Reader.ReadAllAsync(abort))
            {
                await DeliverAsync(notification, abort);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            logger.LogWarning("Stopped with undelivered notifications in the queue");
        }
    }

    private async Task DeliverAsync(Notification notification, CancellationToken abort)
    {
        var recipient = Recipient.Describe(notification.To);
        if (notification.Channel == NotificationChannel.Sms && !sms.IsConfigured)
        {
            logger.LogWarning("SMS is not configured (SMS__WEBHOOK_URL is unset); the SMS to {Recipient} was not sent", recipient);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await (notification.Channel == NotificationChannel.Sms
                    ? sms.SendAsync(notification, abort)
                    : email.SendAsync(notification, abort));
                logger.LogInformation("{Channel} sent to {Recipient}", notification.Channel, recipient);
                return;
            }
            catch (Exception e) when (!abort.IsCancellationRequested)
            {
                var permanent = e is FormatException or SmtpFailedRecipientException or SmsWebhookException { IsPermanent: true };
                if (permanent || attempt >= Backoff.Length)
                {
                    // The exception's type and status only: SMTP messages can quote the address.
                    logger.LogError(
                        "{Channel} to {Recipient} failed after {Attempts} attempt(s): {Failure}",
                        notification.Channel, recipient, attempt + 1, Describe(e));
                    return;
                }

                logger.LogWarning(
                    "{Channel} to {Recipient} failed ({Failure}); retrying in {Delay} ms",
                    notification.Channel, recipient, Describe(e), Backoff[attempt].TotalMilliseconds);
                await Task.Delay(Backoff[attempt], abort);
            }
        }
    }

    private static string Describe(Exception e) => e switch
    {
        SmtpException smtp => $"{e.GetType().Name} {smtp.StatusCode}",
        SmsWebhookException webhook => $"webhook status {(int)webhook.Status}",
        _ => e.GetType().Name,
    };
}

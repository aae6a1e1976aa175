using System.Collections.Concurrent;
using System.Net.Sockets;
using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AuthService.Adapters.Smtp;

/// <summary>
/// E-mail over SMTP with MailKit. Connections are kept and reused (a few idle ones, each for a
/// short while): a new TCP connection and SMTP greeting per message would cap throughput.
/// </summary>
internal sealed class EmailTransport(IOptions<SmtpOptions> options) : IMessageTransport, IAsyncDisposable
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(20);
    private static readonly int Timeout = (int)TimeSpan.FromSeconds(10).TotalMilliseconds;

    private readonly SmtpOptions _options = options.Value;
    private readonly ConcurrentBag<(SmtpClient Client, long IdleSince)> _idle = [];

    public OutboxChannel Channel => OutboxChannel.Email;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        MimeMessage mime;
        try
        {
            mime = new MimeMessage();
            mime.From.Add(MailboxAddress.Parse(_options.From));
            mime.To.Add(MailboxAddress.Parse(message.Recipient));
        }
        catch (ParseException)
        {
            return DeliveryResult.GiveUp("the address is not valid");
        }

        mime.Subject = message.Subject ?? "";
        mime.Body = new TextPart("plain") { Text = message.Body };
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();

        // A reused connection the server has closed meanwhile fails at once: one more try on a new one.
        if (TakeIdle() is not { } client)
        {
            return await SendOnNewConnectionAsync(mime, ct);
        }

        try
        {
            await client.SendAsync(mime, ct);
            _idle.Add((client, Environment.TickCount64));
            return DeliveryResult.Ok();
        }
        catch (Exception e) when (IsBrokenConnection(e))
        {
            client.Dispose();
            return await SendOnNewConnectionAsync(mime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            return Classify(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            await DisconnectQuietlyAsync(idle.Client);
        }
    }

    private async Task<DeliveryResult> SendOnNewConnectionAsync(MimeMessage mime, CancellationToken ct)
    {
        SmtpClient? client = null;
        try
        {
            client = await ConnectAsync(ct);
            await client.SendAsync(mime, ct);
            _idle.Add((client, Environment.TickCount64));
            return DeliveryResult.Ok();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client?.Dispose();
            return Classify(e);
        }
    }

    private SmtpClient? TakeIdle()
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && Environment.TickCount64 - idle.IdleSince < MaxIdle.TotalMilliseconds)
            {
                return idle.Client;
            }

            _ = DisconnectQuietlyAsync(idle.Client);
        }

        return null;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = Timeout };
        try
        {
            var security = !_options.EnableSsl ? SecureSocketOptions.None
                : _options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_options.Host, _options.Port, security, ct);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static bool IsBrokenConnection(Exception e) =>
        e is ServiceNotConnectedException or IOException or SocketException or SmtpProtocolException;

    /// <summary>Type and SMTP status only: a server's message can quote the address.</summary>
    private static DeliveryResult Classify(Exception e) => e switch
    {
        // 5xx for this recipient or this message will not change by retrying.
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } command
            when (int)command.StatusCode >= 500 => DeliveryResult.GiveUp($"SMTP {(int)command.StatusCode} {command.ErrorCode}", (int)command.StatusCode),
        SmtpCommandException command => DeliveryResult.Retry($"SMTP {(int)command.StatusCode} {command.ErrorCode}", (int)command.StatusCode),
        _ => DeliveryResult.Retry(e.GetType().Name),
    };

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or OperationCanceledException)
        {
            // Closing anyway.
        }
        finally
        {
            client.Dispose();
        }
    }
}

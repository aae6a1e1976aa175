using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>Two instances, one outbox table: every message is claimed by one of them and sent once.</summary>
public sealed class OutboxConcurrencyTests(SharedKeyApp app) : IClassFixture<SharedKeyApp>
{
    private const int Messages = 150;

    [Fact]
    public async Task TwoDispatchers_OneTable_EachMessageSentExactlyOnce()
    {
        var peer = app.Peer();
        await ((IAsyncLifetime)peer).InitializeAsync();
        try
        {
            var batch = Guid.NewGuid().ToString("N")[..8];
            var recipients = Enumerable.Range(0, Messages).Select(i => $"twice-{batch}-{i}@example.test").ToList();
            await WriteAsync(recipients);

            // Both instances poll every second: make every row due at the same moment for both.
            await app.ExecuteAsync(
                "UPDATE outbox_messages SET next_attempt_at = now() + interval '1500 milliseconds' WHERE recipient LIKE @like",
                new { like = $"twice-{batch}-%" });

            var mail = app.Api().Mail;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            Dictionary<string, int> counts;
            do
            {
                await Task.Delay(250);
                counts = await mail.CountsByRecipientAsync();
            }
            while (recipients.Any(r => !counts.ContainsKey(r)) && DateTime.UtcNow < deadline);

            await Task.Delay(TimeSpan.FromSeconds(1));
            counts = await mail.CountsByRecipientAsync();
            Assert.All(recipients, r => Assert.Equal(1, counts.GetValueOrDefault(r)));
            Assert.Equal(Messages, await app.QueryAsync<int>(
                "SELECT count(*)::int FROM outbox_messages WHERE recipient LIKE @like AND status = 'sent' AND attempts = 1",
                new { like = $"twice-{batch}-%" }));
        }
        finally
        {
            await ((IAsyncLifetime)peer).DisposeAsync();
        }
    }

    /// <summary>What a use case does: rows in a unit of work, bodies sealed to their row, then commit.</summary>
    private async Task WriteAsync(IEnumerable<string> recipients)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var cipher = scope.ServiceProvider.GetRequiredService<ISecretCipher>();
        foreach (var to in recipients)
        {
            var id = Guid.CreateVersion7();
            var body = cipher.EncryptText("Your code is 314159.", new SecretContext(id, "outbox-body"));
            await outbox.AddMessageAsync(new OutgoingMessage(id, OutboxChannel.Email, to, "Once", body, DateTimeOffset.UtcNow), default);
        }

        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
    }
}

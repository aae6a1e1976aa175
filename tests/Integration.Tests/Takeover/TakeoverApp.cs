using System.Text.RegularExpressions;
using AuthService.Integration.Tests.Adapters.Smtp;

namespace AuthService.Integration.Tests.Takeover;

/// <summary>The service with an SMS gateway stand-in, so attacks through phone numbers can be played out.</summary>
public sealed partial class TakeoverApp : AuthServiceApp
{
    private readonly SmsWebhook _sms = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["SMS:WEBHOOK_URL"] = _sms.Url,
    };

    public static string NewPhone() => "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int SmsCount(string phone) => _sms.Received.Count(m => m.GetProperty("to").GetString() == phone);

    /// <summary>The code in the newest SMS to <paramref name="phone"/>, once it has more than <paramref name="seen"/>.</summary>
    public async Task<string> WaitForSmsCodeAsync(string phone, int seen)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var messages = _sms.Received.Where(m => m.GetProperty("to").GetString() == phone).ToList();
            if (messages.Count > seen)
            {
                return Code().Match(messages[^1].GetProperty("message").GetString()!).Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No new SMS arrived for {phone}.");
    }

    /// <summary>True when no new SMS reached <paramref name="phone"/> within a second (the dispatcher sends within milliseconds).</summary>
    public async Task<bool> NoSmsAsync(string phone, int seen)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return SmsCount(phone) == seen;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _sms.Dispose();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}

using System.Text.RegularExpressions;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>
/// Reads the codes we send from maildev's REST API, as a person would from their inbox. Waiting
/// is by message count, not time: maildev's timestamps have whole seconds, so "after time T"
/// would mix up two messages sent within the same second.
/// </summary>
public sealed partial class MailCatcher(string baseUrl)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>How many messages <paramref name="address"/> has received so far.</summary>
    public async Task<int> CountAsync(string address) => (await MessagesToAsync(address)).Count;

    /// <summary>The code in the newest message to <paramref name="address"/>, once it has more than <paramref name="seen"/>.</summary>
    public async Task<string> WaitForCodeAsync(string address, int seen = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var messages = await MessagesToAsync(address);
            if (messages.Count > seen && Code().Match(messages[^1]) is { Success: true } match)
            {
                return match.Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No new code arrived for {address}.");
    }

    /// <summary>The text of the newest message to <paramref name="address"/>, once it has more than <paramref name="seen"/>.</summary>
    public async Task<string> WaitForMessageAsync(string address, int seen, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await MessagesToAsync(address) is { } messages && messages.Count > seen)
            {
                return messages[^1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No new message arrived for {address}.");
    }

    /// <summary>How many messages each address has received.</summary>
    public async Task<Dictionary<string, int>> CountsByRecipientAsync()
    {
        var all = await Http.GetFromJsonAsync<JsonElement>(new Uri(baseUrl.TrimEnd('/') + "/email"));
        return all.EnumerateArray()
            .SelectMany(m => m.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? ""))
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
    }

    private async Task<List<string>> MessagesToAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<JsonElement>(new Uri(baseUrl.TrimEnd('/') + "/email"));
        return all.EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray()
                .Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "")
            .ToList();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}

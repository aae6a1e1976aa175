using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>Reads the codes we send from maildev's REST API, as a person would from their inbox.</summary>
public sealed partial class MailCatcher(string baseUrl)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The 6-digit code of the newest message to <paramref name="address"/> after <paramref name="since"/>.</summary>
    public async Task<string> WaitForCodeAsync(string address, DateTimeOffset since, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var messages = await Http.GetFromJsonAsync<JsonElement>(new Uri(baseUrl.TrimEnd('/') + "/email"));
            string? code = null;
            foreach (var message in messages.EnumerateArray())
            {
                var to = message.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()).ToList();
                var date = message.TryGetProperty("date", out var d) && d.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MinValue;
                if (to.Contains(address, StringComparer.OrdinalIgnoreCase) && date >= since.AddSeconds(-2))
                {
                    var text = message.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
                    code = Code().Match(text) is { Success: true } m ? m.Value : code;
                }
            }

            if (code is not null)
            {
                return code;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No code arrived for {address}.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>Assertions on responses that print the body when they fail.</summary>
public static class Expect
{
    public static async Task StatusAsync(HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {status}, got {(int)response.StatusCode}: {body}");
        }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status)
    {
        await StatusAsync(response, status);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Checks the contract's envelope: status, code, request_id, timestamp, JSON content type.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await JsonAsync(response, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("request_id").GetString()));
        Assert.True(body.TryGetProperty("timestamp", out _));
        return body;
    }
}

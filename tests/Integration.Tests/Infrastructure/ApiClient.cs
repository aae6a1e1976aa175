using System.Net.Http.Headers;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>A client that knows only the HTTP contract, plus the shortcuts most tests need.</summary>
public sealed class ApiClient(HttpClient http, MailCatcher mail)
{
    public const string Password = "correct horse battery staple";

    public HttpClient Http { get; } = http;

    public MailCatcher Mail { get; } = mail;

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? accessToken = null) =>
        SendAsync(HttpMethod.Post, path, body, accessToken);

    public Task<HttpResponseMessage> GetAsync(string path, string? accessToken = null) =>
        SendAsync(HttpMethod.Get, path, null, accessToken);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? accessToken = null) =>
        SendAsync(HttpMethod.Delete, path, null, accessToken);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Registers, reads the code from the mail catcher and verifies: a ready-to-use account.</summary>
    public async Task<string> RegisterVerifiedAsync(string? email = null)
    {
        email ??= NewEmail();
        var seen = await Mail.CountAsync(email);
        var register = await PostAsync("/api/v1/auth/register", new { email, password = Password, name = "Test User" });
        await Expect.StatusAsync(register, 201);
        var code = await Mail.WaitForCodeAsync(email, seen);
        await Expect.StatusAsync(await PostAsync("/api/v1/auth/verify/email", new { email, code }), 200);
        return email;
    }

    public async Task<JsonElement> LoginAsync(string email, string? deviceName = null)
    {
        var response = await PostAsync("/api/v1/auth/login", new { email, password = Password, device_name = deviceName });
        return await Expect.JsonAsync(response, 200);
    }
}

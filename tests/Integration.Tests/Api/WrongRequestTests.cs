namespace AuthService.Integration.Tests.Api;

/// <summary>A wrong method, content type, size or syntax gets an answer that says what was wrong.</summary>
public sealed class WrongRequestTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private const string Secret = "hunter2-correct-horse";
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task TextPlainOnJsonRoute_Is415UnsupportedMediaType()
    {
        using var content = new StringContent("{\"email\":\"a@example.test\"}", Encoding.UTF8, "text/plain");
        await Expect.ErrorAsync(await _api.Http.PostAsync("/api/v1/auth/login", content), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task FormBodyOnJsonRoute_Is415UnsupportedMediaType()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@example.test" });
        await Expect.ErrorAsync(await _api.Http.PostAsync("/api/v1/auth/register", content), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task WrongMethodOnExistingPath_Is405WithAllow()
    {
        var response = await _api.GetAsync("/api/v1/auth/login");
        var body = await Expect.ErrorAsync(response, 405, "METHOD_NOT_ALLOWED");
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("POST", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

        var sessions = await _api.SendAsync(HttpMethod.Put, "/api/v1/sessions", new { });
        await Expect.ErrorAsync(sessions, 405, "METHOD_NOT_ALLOWED");
        Assert.Equal(["DELETE", "GET"], sessions.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownPath_StaysA404()
    {
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/nothing", new { }), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _api.SendAsync(HttpMethod.Put, "/nowhere", null), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task TooLargeBody_Is413NamingTheLimit()
    {
        var big = new { email = "a@example.test", password = new string('x', 70 * 1024) };
        var body = await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", big), 413, "PAYLOAD_TOO_LARGE");
        Assert.Contains("65536 bytes", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_NamesLineAndPosition_WithoutEchoingTheBody()
    {
        using var content = new StringContent(
            "{\n  \"email\": \"a@example.test\",\n  \"password\": \"" + Secret + "\" oops\n}", Encoding.UTF8, "application/json");
        var response = await _api.Http.PostAsync("/api/v1/auth/login", content);
        var text = await response.Content.ReadAsStringAsync();
        var body = await Expect.ErrorAsync(response, 400, "MALFORMED_REQUEST");
        var message = body.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("line 3, position", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongFieldType_NamesTheField()
    {
        using var content = new StringContent("{\"email\": 42, \"password\": \"" + Secret + "\"}", Encoding.UTF8, "application/json");
        var response = await _api.Http.PostAsync("/api/v1/auth/login", content);
        var body = await Expect.ErrorAsync(response, 400, "MALFORMED_REQUEST");
        Assert.Contains("$.email", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

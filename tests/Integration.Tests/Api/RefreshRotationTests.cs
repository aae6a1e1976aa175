namespace AuthService.Integration.Tests.Api;

/// <summary>A grace window of 2 s keeps the reuse cases quick.</summary>
public sealed class ShortGraceApp : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["AUTH:REFRESH_REUSE_GRACE_SECONDS"] = "2" };
}

public sealed class RefreshRotationTests(ShortGraceApp app) : IClassFixture<ShortGraceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task Refresh_ReplayInsideGrace_ReturnsSameSuccessor()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var first = await RefreshAsync(Refresh(tokens));
        var replay = await RefreshAsync(Refresh(tokens));
        Assert.Equal(Refresh(first), Refresh(replay));

        // The successor is the live token: it rotates onwards.
        await RefreshAsync(Refresh(first));
    }

    [Fact]
    public async Task Refresh_ReplayAfterGrace_RevokesSessionWithTokenReused()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var next = await RefreshAsync(Refresh(tokens));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var reuse = await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = Refresh(tokens) });
        await Expect.ErrorAsync(reuse, 401, "TOKEN_REUSED");

        // The whole session is gone: its newest refresh token and its access tokens too.
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = Refresh(next) }), 401, "SESSION_REVOKED");
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", Access(next)), 401, "SESSION_REVOKED");
    }

    [Fact]
    public async Task Refresh_FiftyConcurrent_NeverForkTheSession()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var presented = Refresh(tokens);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var client = app.Public();
            var api = new ApiClient(client, _api.Mail);
            var response = await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = presented });
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.Item1 == 200, r.Item2));
        var successors = responses.Select(r => Refresh(JsonDocument.Parse(r.Item2).RootElement)).Distinct().ToList();
        Assert.Single(successors);

        var sessionId = Guid.Parse(tokens.GetProperty("session_id").GetString()!);
        var current = await app.QueryAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE session_id = @sessionId AND rotated_at IS NULL", new { sessionId });
        Assert.Equal(1, current);
        await RefreshAsync(successors[0]);
    }

    [Fact]
    public async Task Refresh_UnknownOrEmptyToken_IsInvalidToken()
    {
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = "nope" }), 401, "INVALID_TOKEN");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = "" }), 401, "INVALID_TOKEN");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = new string('a', 5000) }), 401, "INVALID_TOKEN");
    }

    private async Task<JsonElement> RefreshAsync(string refreshToken) =>
        await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken }), 200);

    private static string Refresh(JsonElement tokens) => tokens.GetProperty("refresh_token").GetString()!;

    private static string Access(JsonElement tokens) => tokens.GetProperty("access_token").GetString()!;
}

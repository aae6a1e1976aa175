namespace AuthService.Integration.Tests.ApiKeys;

public sealed class QuotaTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly DownstreamService _downstream = new(app, app.Api());

    /// <summary>As a downstream service calls it: with a service key an admin issued.</summary>
    private Task<HttpResponseMessage> IntrospectAsync(object body) => _downstream.IntrospectAsync(body);

    private static DateTimeOffset NextUtcMidnight => new(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);

    [Fact]
    public async Task Plans_AreTheSeededOnes_WithoutAuthentication()
    {
        var body = await Expect.JsonAsync(await _api.GetAsync("/api/v1/plans"), 200);

        var plans = body.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("daily_quota"));
        Assert.Equal(["anonym", "enterprise", "free", "pro"], plans.Keys.Order());
        Assert.Equal(1, plans["anonym"].GetInt32());
        Assert.Equal(50, plans["free"].GetInt32());
        Assert.Equal(1000, plans["pro"].GetInt32());
        Assert.Equal(JsonValueKind.Null, plans["enterprise"].ValueKind);
        Assert.All(body.GetProperty("items").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task Services_AreListed_WithoutAuthentication()
    {
        var body = await Expect.JsonAsync(await _api.GetAsync("/api/v1/services"), 200);

        var codes = body.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Subset(codes.ToHashSet(), new HashSet<string?> { "3dbinpacking", "cvmaker", "jobportal", "media_information" });
        Assert.All(body.GetProperty("items").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task FreeUser_Consumes50_ThenQuotaExceeded_AndUsageShowsIt()
    {
        var access = (await _api.LoginAsync(await _api.RegisterVerifiedAsync())).GetProperty("access_token").GetString()!;

        for (var i = 1; i <= 50; i++)
        {
            var quota = (await Expect.JsonAsync(
                await IntrospectAsync(new { token = access, service = "jobportal", consume = true }), 200)).GetProperty("quota");
            Assert.Equal(i, quota.GetProperty("used").GetInt32());
            Assert.Equal(50 - i, quota.GetProperty("remaining").GetInt32());
        }

        var refused = await IntrospectAsync(new { token = access, service = "jobportal", consume = true });
        await Expect.ErrorAsync(refused, 429, "QUOTA_EXCEEDED");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, (int)(NextUtcMidnight - DateTimeOffset.UtcNow).TotalSeconds - 5, 86_400);

        // A refused call is not counted; reading without consume still answers.
        var peek = (await Expect.JsonAsync(
            await IntrospectAsync(new { token = access, service = "jobportal" }), 200)).GetProperty("quota");
        Assert.Equal(50, peek.GetProperty("used").GetInt32());
        Assert.Equal(0, peek.GetProperty("remaining").GetInt32());
        Assert.Equal(50, peek.GetProperty("limit").GetInt32());
        Assert.Equal("jobportal", peek.GetProperty("service").GetString());

        var usage = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/usage", access), 200);
        Assert.Equal("free", usage.GetProperty("plan").GetString());
        var items = usage.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("service").GetString()!);
        Assert.Equal(10, items.Count);
        Assert.Equal(50, items["jobportal"].GetProperty("used").GetInt32());
        Assert.Equal(0, items["cvmaker"].GetProperty("used").GetInt32());
        Assert.Equal(50, items["cvmaker"].GetProperty("limit").GetInt32());
        Assert.Equal(NextUtcMidnight, items["cvmaker"].GetProperty("resets_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task AnonymPlan_AllowsOneCall_SharedByApiKeysAndAccessTokens()
    {
        var email = await _api.RegisterVerifiedAsync();
        var access = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        var key = (await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k" }, access), 201))
            .GetProperty("key").GetString();
        await app.ExecuteAsync("UPDATE users SET plan = 'anonym' WHERE lower(email) = lower(@email)", new { email });

        var first = await Expect.JsonAsync(await IntrospectAsync(new { token = key, service = "cvmaker", consume = true }), 200);
        Assert.Equal("anonym", first.GetProperty("plan").GetString());
        Assert.Equal(1, first.GetProperty("quota").GetProperty("used").GetInt32());
        Assert.Equal(0, first.GetProperty("quota").GetProperty("remaining").GetInt32());

        var second = await IntrospectAsync(new { token = access, service = "cvmaker", consume = true });
        await Expect.ErrorAsync(second, 429, "QUOTA_EXCEEDED");
        Assert.True(second.Headers.Contains("Retry-After"));

        // Another service has its own counter.
        await Expect.JsonAsync(await IntrospectAsync(new { token = key, service = "jobportal", consume = true }), 200);

        var usage = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/usage", access), 200);
        Assert.Equal("anonym", usage.GetProperty("plan").GetString());
        Assert.All(usage.GetProperty("items").EnumerateArray(), i =>
        {
            var metered = i.GetProperty("service").GetString() is "cvmaker" or "jobportal";
            Assert.Equal(metered ? 1 : 0, i.GetProperty("used").GetInt32());
            Assert.Equal(1, i.GetProperty("limit").GetInt32());
        });
    }

    [Fact]
    public async Task EnterprisePlan_IsUnlimited_ButCounted()
    {
        var email = await _api.RegisterVerifiedAsync();
        var access = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        await app.ExecuteAsync("UPDATE users SET plan = 'enterprise' WHERE lower(email) = lower(@email)", new { email });

        var quota = (await Expect.JsonAsync(
            await IntrospectAsync(new { token = access, service = "cvmaker", consume = true }), 200)).GetProperty("quota");

        Assert.Equal(1, quota.GetProperty("used").GetInt32());
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("limit").ValueKind);
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("remaining").ValueKind);
        var usage = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/usage", access), 200);
        Assert.Equal(JsonValueKind.Null, usage.GetProperty("items")[0].GetProperty("limit").ValueKind);
    }

    [Fact]
    public async Task Usage_NeedsABearerToken() =>
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me/usage"), 401, "UNAUTHORIZED");
}

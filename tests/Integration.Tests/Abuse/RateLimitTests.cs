namespace AuthService.Integration.Tests.Abuse;

/// <summary>Two instances over one Redis, with small limits, as a cluster behind a load balancer would be.</summary>
public sealed class RateLimitedCluster : IAsyncLifetime
{
    public LimitedApp First { get; } = new();

    public LimitedApp Second { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)First).InitializeAsync();
        await ((IAsyncLifetime)Second).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)First).DisposeAsync();
        await ((IAsyncLifetime)Second).DisposeAsync();
    }

    public sealed class LimitedApp : AuthServiceApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RATE_LIMIT:ENABLED"] = "true",

            // Each test comes from an address of its own (see Client), so counters of other tests
            // and of earlier runs against the same Redis never add up with its own.
            ["SERVER:TRUSTED_PROXIES"] = "127.0.0.1",

            // Instances of one deployment share their keys; identifiers are counted under a keyed hash.
            ["AUTH:HMAC_SECRET"] = "rate-limit-tests-shared-hmac-secret-0123456789",
            ["RATE_LIMIT:LOGIN:LIMIT"] = "3",
            ["RATE_LIMIT:LOGIN_IP:LIMIT"] = "5",
            ["RATE_LIMIT:VERIFY:LIMIT"] = "2",
            ["RATE_LIMIT:REGISTER:LIMIT"] = "1000",
            ["RATE_LIMIT:FORGOT:LIMIT"] = "1000",
            ["RATE_LIMIT:OTP_START:LIMIT"] = "1000",
        };
    }
}

public sealed class RateLimitTests(RateLimitedCluster cluster) : IClassFixture<RateLimitedCluster>
{
    private const string WrongPassword = "not the password at all";

    [Fact]
    public async Task Login_IsLimitedPerIdentifierAndIp_AcrossInstances_WithHeaders()
    {
        var address = NewAddress();
        var (first, second) = (Client(cluster.First, address), Client(cluster.Second, address));
        var email = ApiClient.NewEmail();

        using var one = await first.PostAsync("/api/v1/auth/login", new { email, password = WrongPassword });
        await Expect.ErrorAsync(one, 401, "INVALID_CREDENTIALS");
        Assert.Contains("\"login\";q=3;w=300", Header(one, "RateLimit-Policy"), StringComparison.Ordinal);
        Assert.Contains("\"login-ip\";q=5;w=300", Header(one, "RateLimit-Policy"), StringComparison.Ordinal);
        Assert.Contains("\"login\";r=2;t=", Header(one, "RateLimit"), StringComparison.Ordinal);

        await Expect.ErrorAsync(await second.PostAsync("/api/v1/auth/login", new { email, password = WrongPassword }), 401, "INVALID_CREDENTIALS");
        await Expect.ErrorAsync(await first.PostAsync("/api/v1/auth/login", new { email, password = WrongPassword }), 401, "INVALID_CREDENTIALS");

        // The fourth from this IP for this identifier, on either instance, is refused.
        using var refused = await second.PostAsync("/api/v1/auth/login", new { email = email.ToUpperInvariant(), password = WrongPassword });
        await Expect.ErrorAsync(refused, 429, "RATE_LIMIT_EXCEEDED");
        Assert.InRange(int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 1, 300);
        Assert.Contains("\"login\";r=0;t=", Header(refused, "RateLimit"), StringComparison.Ordinal);

        // Another identifier from the same IP still has the per-IP allowance (5), then not.
        var other = ApiClient.NewEmail();
        await Expect.ErrorAsync(await first.PostAsync("/api/v1/auth/login", new { email = other, password = WrongPassword }), 401, "INVALID_CREDENTIALS");
        await Expect.ErrorAsync(await first.PostAsync("/api/v1/auth/login", new { email = other, password = WrongPassword }), 429, "RATE_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Verify_IsLimitedPerIdentifier()
    {
        var api = Client(cluster.First, NewAddress());
        var email = ApiClient.NewEmail();
        for (var i = 0; i < 2; i++)
        {
            await Expect.ErrorAsync(await api.PostAsync("/api/v1/auth/verify/email", new { email, code = "000000" }), 400, "INVALID_OTP");
        }

        await Expect.ErrorAsync(await api.PostAsync("/api/v1/auth/verify/email", new { email, code = "000000" }), 429, "RATE_LIMIT_EXCEEDED");
        await Expect.ErrorAsync(
            await api.PostAsync("/api/v1/auth/verify/email", new { email = ApiClient.NewEmail(), code = "000000" }), 400, "INVALID_OTP");
    }

    [Fact]
    public async Task EveryOtherRoute_CarriesTheGeneralPolicy()
    {
        using var plans = await Client(cluster.First, NewAddress()).GetAsync("/api/v1/plans");
        Assert.Equal(200, (int)plans.StatusCode);
        Assert.Contains("\"general\";q=600;w=60", Header(plans, "RateLimit-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/auth/otp/start", true)]
    [InlineData("/api/v1/auth/otp/start", false)]
    [InlineData("/api/v1/auth/password/forgot", true)]
    [InlineData("/api/v1/auth/password/forgot", false)]
    [InlineData("/api/v1/auth/verify/resend", false)]
    public async Task ASecondCodeWithinAMinute_Is429WithRetryAfter_ForKnownAndUnknownAlike(string path, bool known)
    {
        var api = Client(cluster.First, NewAddress());
        var email = known ? await api.RegisterVerifiedAsync() : ApiClient.NewEmail();

        await Expect.StatusAsync(await api.PostAsync(path, new { email }), 202);
        using var again = await api.PostAsync(path, new { email });

        await Expect.ErrorAsync(again, 429, "RATE_LIMIT_EXCEEDED");
        Assert.InRange(int.Parse(Header(again, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 55, 60);
    }

    [Fact]
    public async Task TheCooldownIsPerPurpose()
    {
        var api = Client(cluster.First, NewAddress());
        var email = await api.RegisterVerifiedAsync();

        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/password/forgot", new { email }), 202);
        var seen = await api.Mail.CountAsync(email);
        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/otp/start", new { email }), 202);
        await api.Mail.WaitForCodeAsync(email, seen);
    }

    [Fact]
    public async Task CommonAndBreachedPasswords_AreRefused_CaseInsensitively()
    {
        var api = Client(cluster.First, NewAddress());
        foreach (var password in new[] { "Password1234", "qwertyuiop123", "QWERTYUIOP123", "PASSWORD1234" })
        {
            var error = await Expect.ErrorAsync(
                await api.PostAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password }), 422, "VALIDATION_ERROR");
            Assert.Contains("breached", error.GetProperty("error").GetProperty("details").GetProperty("fields").GetProperty("password")[0].GetString(),
                StringComparison.Ordinal);
        }

        await Expect.ErrorAsync(
            await api.PostAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = new string('x', 120) + "a1b2c3d4e" }),
            422, "VALIDATION_ERROR");
        await Expect.StatusAsync(
            await api.PostAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = "plum orchard at dusk 71" }), 201);
    }

    /// <summary>A client with an address of its own, as seen through the trusted proxy on loopback.</summary>
    private static ApiClient Client(AuthServiceApp app, string address)
    {
        var api = app.Api();
        api.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return api;
    }

    private static string NewAddress() =>
        $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}

using AuthService.Host.Configuration;

namespace AuthService.Integration.Tests.Api;

/// <summary>The service behind a proxy on loopback (the tests' own address) and one in 10.0.0.0/8.</summary>
public sealed class TrustedProxyApp : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["SERVER:TRUSTED_PROXIES"] = "127.0.0.1, 10.0.0.0/8" };
}

public sealed class TrustedProxyTests(TrustedProxyApp app) : IClassFixture<TrustedProxyApp>
{
    [Fact]
    public async Task BehindTrustedProxies_TheClientIsTheRightMostUntrustedForwardedAddress()
    {
        var api = app.Api();

        // A client forging the first entry, then its real address, then one more proxy hop.
        var ip = await SessionIpAsync(api, "192.0.2.66, 198.51.100.7, 10.1.2.3");

        Assert.Equal("198.51.100.7", ip);
    }

    [Fact]
    public void TrustedProxies_ThatAreNeitherAddressesNorNetworks_StopStartNamingTheVariable()
    {
        var options = new ServerOptions { TrustedProxies = "10.0.0.0/8, proxy.internal" };

        var e = Assert.Throws<InvalidOperationException>(() => options.TrustedProxyNetworks());

        Assert.Contains("SERVER__TRUSTED_PROXIES", e.Message, StringComparison.Ordinal);
        Assert.Equal(["10.0.0.0/8", "127.0.0.1/32"], new ServerOptions { TrustedProxies = "10.0.0.0/8,127.0.0.1" }
            .TrustedProxyNetworks().Select(n => n.ToString()));
    }

    /// <summary>Signs in with an X-Forwarded-For header and reads the IP the new session was given.</summary>
    internal static async Task<string?> SessionIpAsync(ApiClient api, string forwardedFor)
    {
        var email = await api.RegisterVerifiedAsync();
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email, password = ApiClient.Password }),
        };
        login.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        var tokens = await Expect.JsonAsync(await api.Http.SendAsync(login), 200);

        var sessions = await Expect.JsonAsync(await api.GetAsync("/api/v1/sessions", CoreFlowTests.Token(tokens)), 200);
        return sessions.GetProperty("items")[0].GetProperty("ip").GetString();
    }
}

public sealed class UntrustedForwardingTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    [Fact]
    public async Task WithoutTrustedProxies_XForwardedForIsIgnored()
    {
        var ip = await TrustedProxyTests.SessionIpAsync(app.Api(), "198.51.100.7");

        Assert.Equal("127.0.0.1", ip);
    }
}

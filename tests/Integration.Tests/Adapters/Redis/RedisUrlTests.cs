using AuthService.Adapters.Redis;

namespace AuthService.Integration.Tests.Adapters.Redis;

public sealed class RedisUrlTests
{
    [Fact]
    public void TryParse_FullUrl_ReadsPasswordHostPortAndDatabase()
    {
        Assert.True(RedisUrl.TryParse("redis://:s3cr%40t@cache.internal:6390/3", out var options, out _));

        Assert.Equal("s3cr@t", options.Password);
        Assert.Equal(3, options.DefaultDatabase);
        var endpoint = Assert.IsType<DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(("cache.internal", 6390), (endpoint.Host, endpoint.Port));
        Assert.False(options.AbortOnConnectFail);
        Assert.False(options.Ssl);
    }

    [Fact]
    public void TryParse_AclUser_IsPassedToTheClient()
    {
        Assert.True(RedisUrl.TryParse("redis://alice:pw@127.0.0.1:6379/0", out var options, out _));

        Assert.Equal(("alice", "pw"), (options.User, options.Password));
    }

    [Fact]
    public void TryParse_MinimalUrl_UsesDefaults()
    {
        Assert.True(RedisUrl.TryParse("rediss://127.0.0.1", out var options, out _));

        Assert.Null(options.Password);
        Assert.Equal(0, options.DefaultDatabase);
        Assert.True(options.Ssl);
        Assert.Equal(6379, Assert.IsType<IPEndPoint>(Assert.Single(options.EndPoints)).Port);
    }

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("http://127.0.0.1:6379")]
    [InlineData("redis://127.0.0.1:6379/cache")]
    public void TryParse_Unusable_NamesTheVariable(string url)
    {
        Assert.False(RedisUrl.TryParse(url, out _, out var error));
        Assert.Contains("REDIS__URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithBadUrl_FailsNamingTheVariable()
    {
        var message = AdapterHost.StartFailure(
            (s, c) => s.AddRedis(c), new Dictionary<string, string?> { ["REDIS:URL"] = "localhost:6379" });

        Assert.Contains("REDIS__URL", message, StringComparison.Ordinal);
    }
}

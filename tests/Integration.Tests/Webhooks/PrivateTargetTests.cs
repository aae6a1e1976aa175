namespace AuthService.Integration.Tests.Webhooks;

/// <summary>With WEBHOOKS__ALLOW_PRIVATE_TARGETS=false (production's default) the service never calls inward.</summary>
public sealed class PrivateTargetTests(PublicTargetsOnlyApp app) : IClassFixture<PublicTargetsOnlyApp>
{
    [Theory]
    [InlineData("http://127.0.0.1:8002/api/v1/admin/users")]
    [InlineData("http://localhost:5432/")]
    [InlineData("http://[::1]/x")]
    [InlineData("http://10.1.2.3/x")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://192.168.0.10/x")]
    public async Task Create_InternalTarget_Is422(string url)
    {
        var admin = new AdminClient(app, app.Api());
        var refused = await Expect.ErrorAsync(
            await admin.SendAsync(HttpMethod.Post, "/api/v1/admin/webhooks", new { url, events = new[] { "*" } }), 422, "VALIDATION_ERROR");
        Assert.True(refused.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("url", out _));
    }
}

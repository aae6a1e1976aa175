namespace AuthService.Integration.Tests.Api;

/// <summary>PostgreSQL unreachable: every /api operation may answer 503 SERVICE_UNAVAILABLE, and the documents say so.</summary>
public sealed class DatabaseDownStatusTests(DatabaseDownStatusTests.NoDatabaseApp app) : IClassFixture<DatabaseDownStatusTests.NoDatabaseApp>
{
    [Fact]
    public async Task Login_And_Register_WithPostgresDown_Are503WithRetryAfter()
    {
        var documents = await DocumentedApi.LoadAsync(app);
        var api = app.Api();
        foreach (var (route, body) in new (string, object)[]
        {
            ("/api/v1/auth/login", new { email = "a@example.test", password = ApiClient.Password }),
            ("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = ApiClient.Password }),
        })
        {
            var response = await api.PostAsync(route, body);
            await documents.DeclaredAsync(documents.Find("post", route), response, 503, "SERVICE_UNAVAILABLE");
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }

    public sealed class NoDatabaseApp : AuthServiceApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            // Nothing listens on port 9: every PostgreSQL call fails at once.
            ["DATABASE:URL"] = "postgresql://postgres@127.0.0.1:9/none",
            ["DATABASE:MIGRATE_ON_START"] = "false",
        };
    }
}

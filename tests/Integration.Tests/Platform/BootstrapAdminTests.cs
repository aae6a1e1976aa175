using AuthService.Application.Admin;

namespace AuthService.Integration.Tests.Platform;

public sealed class BootstrapApp : AuthServiceApp
{
    public const string Listed = "boss@example.test";
    public const string AlsoListed = "ops@example.test";
    public const string Late = "late@example.test";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ADMIN:BOOTSTRAP_EMAILS"] = $" {Listed.ToUpperInvariant()} ,{AlsoListed},{Late}",
    };
}

public sealed class BootstrapAdminTests(BootstrapApp app) : IClassFixture<BootstrapApp>
{
    private readonly ApiClient _api = app.Api();

    private static IEnumerable<string?> Roles(System.Text.Json.JsonElement tokens) =>
        tokens.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString());

    [Fact]
    public async Task ListedEmail_BecomesAdmin_WhenVerified_Audited_AndReachesTheAdminApi()
    {
        var email = await _api.RegisterVerifiedAsync(BootstrapApp.Listed);

        var tokens = await _api.LoginAsync(email);
        Assert.Contains("admin", Roles(tokens));
        using var admin = app.Admin();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        await Expect.StatusAsync(await admin.GetAsync("/api/v1/admin/stats"), 200);
        Assert.Equal(1, await app.QueryAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action = 'admin.bootstrap' AND user_id = @id",
            new { id = Guid.Parse(tokens.GetProperty("user").GetProperty("id").GetString()!) }));
    }

    [Fact]
    public async Task UnlistedOrUnverified_DoNotBecomeAdmins()
    {
        Assert.DoesNotContain("admin", Roles(await _api.LoginAsync(await _api.RegisterVerifiedAsync())));

        var register = await _api.PostAsync("/api/v1/auth/register", new { email = BootstrapApp.AlsoListed, password = ApiClient.Password });
        await Expect.StatusAsync(register, 201);
        Assert.Equal(0, await app.QueryAsync<long>(
            "SELECT count(*) FROM users WHERE email = @email AND 'admin' = ANY(roles)", new { email = BootstrapApp.AlsoListed }));
    }

    [Fact]
    public async Task AtStart_ListedAccountsAlreadyVerified_AreGranted_Once()
    {
        // An account verified before its address was listed (as if the operator added it later).
        await _api.RegisterVerifiedAsync(BootstrapApp.Late);
        await app.ExecuteAsync("UPDATE users SET roles = '{user}' WHERE email = @email", new { email = BootstrapApp.Late });

        // What the start job runs; a second run (another instance starting) grants nothing more.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IBootstrapAdmins>().ExecuteAsync(CancellationToken.None));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IBootstrapAdmins>().ExecuteAsync(CancellationToken.None));
        }

        Assert.Contains("admin", Roles(await _api.LoginAsync(BootstrapApp.Late)));
    }
}

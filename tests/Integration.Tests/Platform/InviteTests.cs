namespace AuthService.Integration.Tests.Platform;

public sealed class InviteOnlyApp() : SettingsApp(("AUTH:REGISTRATION", "invite_only"));

/// <summary>AUTH__REGISTRATION=invite_only: registration needs an unused, unexpired invitation from the admin API.</summary>
public sealed class InviteTests(InviteOnlyApp app) : IClassFixture<InviteOnlyApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly AdminClient _admin = new(app, app.Api());

    private Task<HttpResponseMessage> RegisterAsync(string email, string? invite) =>
        _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password, invite_token = invite });

    private async Task<(string Id, string Token)> InviteAsync(string? email = null, int? hours = null)
    {
        var created = await Expect.JsonAsync(
            await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/invites", new { email, expires_in_hours = hours }), 201);
        return (created.GetProperty("id").GetString()!, created.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task WithoutAValidInvitation_RegistrationIsInviteRequired()
    {
        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), null), 403, "INVITE_REQUIRED");
        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), "made-up"), 403, "INVITE_REQUIRED");
        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), new string('x', 5000)), 403, "INVITE_REQUIRED");
    }

    [Fact]
    public async Task AnInvitation_IsSingleUse_Hashed_AndAudited()
    {
        var (id, token) = await InviteAsync();
        var email = ApiClient.NewEmail();

        var registered = await Expect.JsonAsync(await RegisterAsync(email, token), 201);
        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), token), 403, "INVITE_REQUIRED");

        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM invites WHERE token_hash = @token", new { token }));
        var listed = await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Get, "/api/v1/admin/invites"), 200);
        var item = listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal("used", item.GetProperty("status").GetString());
        Assert.Equal(registered.GetProperty("user_id").GetString(), item.GetProperty("used_by").GetString());
        Assert.DoesNotContain(token, listed.GetRawText());
        Assert.Equal(2, await app.QueryAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action IN ('invite.create', 'invite.use') AND data->>'invite_id' = @id", new { id }));
    }

    [Fact]
    public async Task AnInvitationBoundToAnEmail_RegistersOnlyThatEmail()
    {
        var email = ApiClient.NewEmail();
        var (_, token) = await InviteAsync(email.ToUpperInvariant());

        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), token), 403, "INVITE_REQUIRED");
        await Expect.StatusAsync(await RegisterAsync(email, token), 201);
    }

    [Fact]
    public async Task ExpiredOrRevokedInvitations_AreRefused()
    {
        var (expiredId, expired) = await InviteAsync(hours: 1);
        await app.ExecuteAsync("UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = @id", new { id = Guid.Parse(expiredId) });
        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), expired), 403, "INVITE_REQUIRED");

        var (revokedId, revoked) = await InviteAsync();
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/admin/invites/{revokedId}"), 204);
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/admin/invites/{revokedId}"), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await RegisterAsync(ApiClient.NewEmail(), revoked), 403, "INVITE_REQUIRED");
    }

    [Fact]
    public async Task AFailedRegistration_LeavesTheInvitationUnused()
    {
        var taken = ApiClient.NewEmail();
        await Expect.StatusAsync(await RegisterAsync(taken, (await InviteAsync(taken)).Token), 201);
        var (_, token) = await InviteAsync();

        await Expect.ErrorAsync(await RegisterAsync(taken, token), 409, "IDENTIFIER_TAKEN");
        await Expect.StatusAsync(await RegisterAsync(ApiClient.NewEmail(), token), 201);
    }

    [Fact]
    public async Task InviteRoutes_ValidateTheirInput()
    {
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/invites", new { email = "not-an-email" }), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/invites", new { expires_in_hours = 0 }), 422, "VALIDATION_ERROR");
        var created = await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/invites", new { }), 201);
        var expiresAt = created.GetProperty("expires_at").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddHours(71), DateTimeOffset.UtcNow.AddHours(73));
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/admin/invites", new { }, await _admin.TokenAsync()), 404, "NOT_FOUND");
    }
}

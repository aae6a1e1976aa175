using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>An operator made without mail (these tests keep the mail server down): verified and admin in the database.</summary>
public static class MaillessAdmin
{
    public static async Task<string> TokenAsync(AuthServiceApp app, ApiClient api)
    {
        var email = ApiClient.NewEmail();
        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        await app.ExecuteAsync("UPDATE users SET email_verified = true, roles = '{user,admin}' WHERE email = @email", new { email });
        return CoreFlowTests.Token(await api.LoginAsync(email));
    }

    public static Task<HttpResponseMessage> SendAsync(AuthServiceApp app, HttpMethod method, string path, string token, object? body = null) =>
        AdminClient.SendAsync(app, method, path, token, body);
}

using System.Net.Http.Headers;
using AuthService.Application.Admin;

namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>An admin on the admin listener (made as the create-admin verb makes one, so it works in invite-only mode too), and the service keys it issues.</summary>
public sealed class AdminClient(AuthServiceApp app, ApiClient api)
{
    private string? _token;

    public async Task<string> TokenAsync()
    {
        if (_token is null)
        {
            var email = ApiClient.NewEmail();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<ICreateAdmin>().ExecuteAsync(email, ApiClient.Password, CancellationToken.None);
                Assert.True(created.IsSuccess);
            }

            _token = (await api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        }

        return _token;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null) =>
        await SendAsync(app, method, path, await TokenAsync(), body);

    /// <summary>One request on the admin listener, with <paramref name="token"/> as Bearer if any; the body is buffered.</summary>
    public static async Task<HttpResponseMessage> SendAsync(AuthServiceApp app, HttpMethod method, string path, string? token, object? body = null)
    {
        using var admin = app.Admin();
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await admin.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Issues a service key (optionally bound to one service) and returns the key itself.</summary>
    public async Task<string> ServiceKeyAsync(string? service = null)
    {
        var created = await Expect.JsonAsync(
            await SendAsync(HttpMethod.Post, "/api/v1/admin/service-keys", new { name = "downstream", service }), 201);
        return created.GetProperty("key").GetString()!;
    }
}

/// <summary>Introspection as a downstream service calls it: with its service key in X-API-Key.</summary>
public static class Introspection
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string? serviceKey, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/introspect") { Content = JsonContent.Create(body) };
        if (serviceKey is not null)
        {
            request.Headers.Add("X-API-Key", serviceKey);
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuthService.Integration.Tests.Browser;

/// <summary>
/// A web app's origin (http://localhost:&lt;port&gt;): it serves the test page and forwards
/// /api/* to AuthService, as an app's own backend or reverse proxy would, so the page calls our
/// routes same-origin and the browser signs for this origin.
/// </summary>
internal sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();

    private PageServer()
    {
        // Port 0: the kernel picks a free port at bind time, so no other process can take it first.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/", () => Results.Content(PasskeyPage.Html, "text/html; charset=utf-8"));
        _app.Map("/api/{**path}", ForwardAsync);
    }

    public int Port { get; private set; }

    /// <summary>localhost (a secure context, and a host the RP ID "localhost" covers); it resolves to 127.0.0.1.</summary>
    public string Origin => $"http://localhost:{Port}";

    /// <summary>Set once AuthService runs (its address is not known when the origin must be).</summary>
    public Uri? Upstream { get; set; }

    public static async Task<PageServer> StartAsync()
    {
        var server = new PageServer();
        await server._app.StartAsync();
        server.Port = new Uri(server._app.Urls.First()).Port;
        return server;
    }

    private async Task ForwardAsync(HttpContext http)
    {
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), new Uri(Upstream!, http.Request.Path + http.Request.QueryString));
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(http.Request.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", http.Request.ContentType);
        }

        if (http.Request.Headers.Authorization.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
        }

        using var response = await _upstream.SendAsync(request, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}

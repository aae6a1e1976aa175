using System.Net.Http.Headers;
using System.Text.Json;

namespace AuthService.Adapters.Oidc;

/// <summary>
/// HTTP to providers: the named client has a timeout, no redirects and a cap on response size
/// (see <see cref="OidcAdapter"/>); bodies are parsed as JSON or rejected.
/// </summary>
internal sealed class ProviderHttp(IHttpClientFactory factory)
{
    public const string ClientName = "AuthService.Oidc";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    /// <summary>Sends the request; the status and the parsed body, or null body when it is not JSON.</summary>
    public async Task<(int Status, JsonElement? Body)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var client = factory.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        try
        {
            using var document = JsonDocument.Parse(bytes, JsonOptions);
            return ((int)response.StatusCode, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return ((int)response.StatusCode, null);
        }
    }

    public Task<(int Status, JsonElement? Body)> GetAsync(Uri uri, CancellationToken ct, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return SendDisposingAsync(request, ct);
    }

    public async Task<(int Status, JsonElement? Body)> SendDisposingAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            return await SendAsync(request, ct);
        }
    }
}

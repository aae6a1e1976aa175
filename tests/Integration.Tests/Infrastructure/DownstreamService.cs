namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>A downstream service calling introspection with the service key an admin issued it (on first use).</summary>
public sealed class DownstreamService(AuthServiceApp app, ApiClient api)
{
    private string? _serviceKey;

    public async Task<HttpResponseMessage> IntrospectAsync(object body)
    {
        _serviceKey ??= await new AdminClient(app, api).ServiceKeyAsync();
        return await Introspection.PostAsync(api.Http, _serviceKey, body);
    }
}

using AuthService.Application.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Oidc;

public static class OidcAdapter
{
    private const long MaxResponseBytes = 1024 * 1024;

    /// <summary>
    /// Upstream OAuth / OpenID Connect providers from OAUTH__*, checked at start. The Host says
    /// where it maps the callbacks (<paramref name="callbackPrefix"/>, e.g. <c>/api/v1/auth/oauth</c>).
    /// </summary>
    public static IServiceCollection AddOidc(this IServiceCollection services, IConfiguration configuration, string callbackPrefix)
    {
        var options = new OidcOptions();
        OidcOptionsReader.Read(configuration, options, callbackPrefix);

        services.AddOptions<OidcOptions>()
            .Configure(o =>
            {
                foreach (var (name, provider) in options.Providers)
                {
                    o.Providers[name] = provider;
                }

                o.RedirectAllowlist.AddRange(options.RedirectAllowlist);
                o.Errors.AddRange(options.Errors);
                o.MetadataLifetime = options.MetadataLifetime;
                o.HttpTimeout = options.HttpTimeout;
            })
            .Validate(o => o.Errors.Count == 0, string.Join(" ", options.Errors))
            .ValidateOnStart();

        services.AddSingleton(new OAuthSettings
        {
            RedirectAllowlist = options.RedirectAllowlist,
            StateLifetime = options.StateLifetime,
            ExchangeCodeLifetime = options.ExchangeCodeLifetime,
        });

        services.AddHttpClient(ProviderHttp.ClientName, client =>
            {
                client.Timeout = options.HttpTimeout;
                client.MaxResponseContentBufferSize = MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AuthService/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A provider endpoint that redirects is misconfigured or hijacked; do not follow it.
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        services.AddSingleton<ProviderHttp>();
        services.AddSingleton<OidcMetadataCache>();
        services.AddSingleton<IdTokenValidator>();
        services.AddSingleton<OidcProviderClient>();
        services.AddSingleton<GitHubClient>();
        services.AddSingleton<IOAuthProviderGateway, OAuthProviderGateway>();
        return services;
    }
}

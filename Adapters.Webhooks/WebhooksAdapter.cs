using AuthService.Application.Outbox;
using AuthService.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthService.Adapters.Webhooks;

public static class WebhooksAdapter
{
    /// <summary>
    /// The outbox's webhook transport: signed POSTs (Standard Webhooks), 10 s per attempt, no
    /// redirects, internal targets only with WEBHOOKS__ALLOW_PRIVATE_TARGETS (<see cref="WebhookSettings"/>,
    /// which the Host registers).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookTransport.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<WebhookSettings>().AllowPrivateTargets;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, ct) => TargetGuard.ConnectAsync(context, allowPrivate, ct),
                };
            });
        services.AddSingleton<IMessageTransport, WebhookTransport>();
        return services;
    }
}

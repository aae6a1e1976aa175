using AuthService.Application.Events;
using AuthService.Application.Webhooks;

namespace AuthService.Host.Configuration;

internal static class WebhookSettingsReader
{
    /// <summary>
    /// WEBHOOKS__ALLOW_PRIVATE_TARGETS (default: true only in Development) and the endpoints
    /// WEBHOOKS__ENDPOINTS__&lt;NAME&gt;__URL, __SECRET (whsec_...), __EVENTS (comma-separated or *).
    /// A bad endpoint stops the start with a line naming the variable.
    /// </summary>
    public static WebhookSettings Read(IConfiguration configuration, bool development)
    {
        var allowPrivate = configuration.GetValue<bool?>("WEBHOOKS:ALLOW_PRIVATE_TARGETS") ?? development;
        var endpoints = new List<ConfiguredWebhook>();
        foreach (var section in configuration.GetSection("WEBHOOKS:ENDPOINTS").GetChildren())
        {
            var name = section.Key.ToLowerInvariant();
            var variable = "WEBHOOKS__ENDPOINTS__" + section.Key.ToUpperInvariant();
            var url = section["URL"];
            if (WebhookTargets.Problem(url, allowPrivate) is { } problem)
            {
                throw new InvalidOperationException($"{variable}__URL {problem}.");
            }

            var secret = section["SECRET"];
            if (!WebhookSecrets.IsValid(secret))
            {
                throw new InvalidOperationException($"{variable}__SECRET must be whsec_ followed by the base64 of 16 to 64 random bytes.");
            }

            var events = (section["EVENTS"] ?? "*").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (events.Length == 0 || events.Any(e => e != "*" && !AuthEventTypes.All.Contains(e)))
            {
                throw new InvalidOperationException($"{variable}__EVENTS must list event types (user.created, ...) separated by commas, or *.");
            }

            endpoints.Add(new ConfiguredWebhook(name, url!, secret!, events));
        }

        return new WebhookSettings { AllowPrivateTargets = allowPrivate, Endpoints = endpoints };
    }
}

using AuthService.Application.OAuth;
using AuthService.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Oidc;

internal sealed class OAuthProviderGateway(
    IOptions<OidcOptions> options,
    OidcProviderClient oidc,
    GitHubClient github,
    ILogger<OAuthProviderGateway> logger) : IOAuthProviderGateway
{
    public IReadOnlyCollection<string> Providers => options.Value.Providers.Keys;

    public bool IsConfigured(string provider) => options.Value.Providers.ContainsKey(provider);

    public async Task<Result<Uri>> BuildAuthorizationUrlAsync(OAuthAuthorizationRequest request, CancellationToken ct)
    {
        if (!options.Value.Providers.TryGetValue(request.Provider, out var provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        return provider.Kind == ProviderKind.GitHub
            ? github.BuildAuthorizationUrl(provider, request)
            : await oidc.BuildAuthorizationUrlAsync(provider, request, ct);
    }

    public async Task<Result<ProviderIdentity>> RedeemCodeAsync(OAuthCodeRedemption redemption, CancellationToken ct)
    {
        if (!options.Value.Providers.TryGetValue(redemption.Provider, out var provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        try
        {
            return provider.Kind == ProviderKind.GitHub
                ? await github.RedeemAsync(provider, redemption, ct)
                : await oidc.RedeemAsync(provider, redemption, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Timeouts and refused connections: the provider is the one failing, not us.
            logger.LogWarning(ex, "OAuth provider {Provider} could not be reached", provider.Name);
            return new Error(ErrorCode.OAuthProviderError, $"The {provider.Name} provider cannot be reached right now.");
        }
    }
}

namespace AuthService.Adapters.Oidc;

/// <summary>The OAUTH section, read by <see cref="OidcOptionsReader"/>.</summary>
internal sealed class OidcOptions
{
    public Dictionary<string, ProviderSettings> Providers { get; } = new(StringComparer.Ordinal);

    public List<string> RedirectAllowlist { get; } = [];

    /// <summary>How long discovery documents and key sets are trusted before they are fetched again.</summary>
    public TimeSpan MetadataLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan ExchangeCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Problems found while reading the configuration; each names its variable.</summary>
    public List<string> Errors { get; } = [];
}

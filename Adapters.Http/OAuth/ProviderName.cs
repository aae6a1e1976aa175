namespace AuthService.Adapters.Http.OAuth;

internal static class ProviderName
{
    /// <summary>Provider names in paths are the lower-cased configuration names.</summary>
    public static string Normalize(string provider) =>
        provider.Length <= 64 ? provider.ToLowerInvariant() : string.Empty;
}

namespace AuthService.Application.OAuth;

/// <summary>How the OAuth use cases redeem the one-time codes and link tickets they handed out.</summary>
internal static class OneTimeCodes
{
    /// <summary>Ours are short opaque tokens; a longer value is not one of them and is not looked up.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns and deletes the grant; null when unknown, expired, used or too long to be ours.</summary>
    public static Task<OAuthExchangeGrant?> TakeOneTimeAsync(this IOAuthExchangeCodeStore store, string code, CancellationToken ct) =>
        code.Length <= MaxLength ? store.TakeAsync(code, ct) : Task.FromResult<OAuthExchangeGrant?>(null);
}

namespace AuthService.Integration.Tests.OAuth;

/// <summary>States (3 s) and one-time codes (1 s) that expire quickly, so expiry can be watched.</summary>
public sealed class ShortLivedOAuthApp : OAuthApp
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["OAUTH:STATE_TTL_SECONDS"] = "3",
        ["OAUTH:EXCHANGE_CODE_TTL_SECONDS"] = "1",
    };
}

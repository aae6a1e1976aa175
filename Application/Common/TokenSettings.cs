namespace AuthService.Application.Common;

/// <summary>
/// Access-token settings, bound and checked once by the Host from JWT__ISSUER, JWT__AUDIENCE and
/// JWT__ACCESS_TOKEN_MINUTES, and handed to whoever needs them (the token issuer, the revocation
/// cache's TTL, the discovery document).
/// </summary>
public sealed class TokenSettings
{
    /// <summary>The <c>iss</c> of every token; also the base URL of the discovery document.</summary>
    public string Issuer { get; init; } = "http://127.0.0.1:8001";

    public string Audience { get; init; } = "authservice";

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Adapters.Oidc;

internal enum IdTokenFailure
{
    None,
    Invalid,
    NonceMismatch,
}

internal sealed record IdTokenResult(JsonWebToken? Token, IdTokenFailure Failure, string? Reason);

/// <summary>
/// OpenID Connect Core 3.1.3.7: signature with one of the provider's published keys, using the
/// algorithm that key is for (never "none", never a symmetric one), then iss, aud (and azp),
/// exp, iat and nonce.
/// </summary>
internal sealed class IdTokenValidator(OidcMetadataCache cache, TimeProvider clock)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    // A token from the token endpoint was minted moments ago; an old one is a replay.
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static readonly HashSet<string> Asymmetric = new(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<IdTokenResult> ValidateAsync(
        string idToken, ProviderSettings provider, ProviderMetadata metadata, string? expectedNonce, CancellationToken ct)
    {
        if (idToken.Length > 16 * 1024 || !_handler.CanReadToken(idToken))
        {
            return Fail("not a JWT");
        }

        var kid = new JsonWebToken(idToken).Kid;
        var keys = await cache.GetKeysAsync(provider, metadata, string.IsNullOrEmpty(kid) ? null : kid, ct);
        if (keys.Count == 0)
        {
            return Fail("the provider publishes no usable signing key");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = metadata.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = keys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = Asymmetric,
            AlgorithmValidator = AlgorithmMatchesKey,
            TryAllIssuerSigningKeys = string.IsNullOrEmpty(kid),
            ValidateTokenReplay = false,
        };
        var result = await _handler.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Fail(result.Exception?.GetType().Name ?? "invalid");
        }

        return CheckClaims(token, provider, expectedNonce);
    }

    private IdTokenResult CheckClaims(JsonWebToken token, ProviderSettings provider, string? expectedNonce)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>("iat", out _) || token.IssuedAt > now + ClockSkew || token.IssuedAt < now - MaxAge - ClockSkew)
        {
            return Fail("iat is missing or out of range");
        }

        // With several audiences, the authorized party must be us (Core 3.1.3.7 items 4 and 5).
        var audiences = token.Audiences.ToList();
        if (audiences.Count > 1 && !(token.TryGetPayloadValue<string>("azp", out var azp) && azp == provider.ClientId))
        {
            return Fail("azp does not name this client");
        }

        if (expectedNonce is not null)
        {
            token.TryGetPayloadValue<string>("nonce", out var nonce);
            if (nonce is null || !FixedTimeEquals(nonce, expectedNonce))
            {
                return new IdTokenResult(null, IdTokenFailure.NonceMismatch, "nonce mismatch");
            }
        }

        return new IdTokenResult(token, IdTokenFailure.None, null);
    }

    /// <summary>
    /// The algorithm comes from the key: a key that declares "alg" is used with that algorithm
    /// only; one that does not is used with the algorithms of its key type.
    /// </summary>
    private static bool AlgorithmMatchesKey(string algorithm, SecurityKey key, SecurityToken token, TokenValidationParameters parameters)
    {
        if (!Asymmetric.Contains(algorithm) || key is not JsonWebKey jwk)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(jwk.Alg))
        {
            return string.Equals(jwk.Alg, algorithm, StringComparison.Ordinal);
        }

        return jwk.Kty switch
        {
            "RSA" => algorithm.StartsWith("RS", StringComparison.Ordinal) || algorithm.StartsWith("PS", StringComparison.Ordinal),
            "EC" => (jwk.Crv, algorithm) is ("P-256", "ES256") or ("P-384", "ES384") or ("P-521", "ES512"),
            _ => false,
        };
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static IdTokenResult Fail(string reason) => new(null, IdTokenFailure.Invalid, reason);
}

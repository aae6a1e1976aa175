using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>
/// ES256 access tokens per RFC 9068. Validation runs on every authenticated request, so the
/// handler, keys and validation parameters are built once and shared (all are thread-safe).
/// </summary>
internal sealed class JwtTokenService : ITokenIssuer
{
    public const string TokenType = "at+jwt";
    public const string DefaultScope = "openid profile email";

    private const int MaxTokenLength = 8 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly AccessTokenValidation Invalid = new(null, AccessTokenFailure.Invalid);
    private static readonly AccessTokenValidation Expired = new(null, AccessTokenFailure.Expired);
    private static readonly Task<AccessTokenValidation> InvalidTask = Task.FromResult(Invalid);
    private static readonly Task<AccessTokenValidation> ExpiredTask = Task.FromResult(Expired);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningKeyRing _keys;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly int _lifetimeSeconds;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly ValidatedTokenCache _validated = new(capacity: 10_000);

    public JwtTokenService(SigningKeyRing keys, TokenSettings settings, TimeProvider time)
    {
        _keys = keys;
        _time = time;
        _issuer = settings.Issuer;
        _audience = settings.Audience;
        _lifetimeSeconds = (int)settings.AccessTokenLifetime.TotalSeconds;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _issuer,
            ValidAudience = _audience,
            IssuerSigningKeys = keys.All.Select(k => k.SecurityKey).ToArray(),

            // The key must be found by kid; trying every key would accept tokens without one.
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [TokenType, "application/" + TokenType],
            RequireSignedTokens = true,

            // Lifetime is checked below against the injected clock, after the signature.
            ValidateLifetime = false,
            ValidateIssuerSigningKey = false,
            LogValidationExceptions = false,
        };
    }

    public IssuedAccessToken Issue(User user, Session session, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>(10, StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
            [JwtRegisteredClaimNames.Sid] = session.Id.ToString(),
            [JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7(now).ToString(),
            ["scope"] = DefaultScope,

            // Always an array, even with one role, so consumers have a single code path.
            ["roles"] = user.Roles.ToArray(),
            ["plan"] = user.Plan,

            // RFC 9068 requires client_id; our first-party clients have no registration of their own.
            ["client_id"] = _audience,
        };
        if (user.Email is not null)
        {
            claims[JwtRegisteredClaimNames.Email] = user.Email;
        }

        // RFC 8176, always an array: how the session was proven (pwd, otp, fed, hwk, mfa).
        if (session.Amr.Count > 0)
        {
            claims[JwtRegisteredClaimNames.Amr] = session.Amr.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            IssuedAt = now.UtcDateTime,
            Expires = now.AddSeconds(_lifetimeSeconds).UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = _keys.Current.Credentials,
            Claims = claims,
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), _lifetimeSeconds);
    }

    public Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return InvalidTask;
        }

        if (_validated.TryGet(token, out var cached))
        {
            if (cached.Result.Claims!.ExpiresAt > _time.GetUtcNow() - ClockSkew)
            {
                return cached;
            }

            _validated.Remove(token);
            return ExpiredTask;
        }

        return ValidateFullyAsync(token);
    }

    private async Task<AccessTokenValidation> ValidateFullyAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return Invalid;
        }

        // Only a token with a good signature gets here, so "expired" is never said of a forgery.
        var now = _time.GetUtcNow().UtcDateTime;
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _) || jwt.ValidFrom > now + ClockSkew)
        {
            return Invalid;
        }

        if (jwt.ValidTo <= now - ClockSkew)
        {
            return Expired;
        }

        if (ReadClaims(jwt) is not { } claims)
        {
            return Invalid;
        }

        var valid = new AccessTokenValidation(claims, AccessTokenFailure.None);
        _validated.Add(token, valid);
        return valid;
    }

    private static AccessTokenClaims? ReadClaims(JsonWebToken jwt)
    {
        if (!Guid.TryParse(jwt.Subject, out var userId)
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sid, out var sid)
            || !Guid.TryParse(sid, out var sessionId)
            || !jwt.TryGetPayloadValue<string>("plan", out var plan)
            || !jwt.TryGetPayloadValue<string>("scope", out var scope))
        {
            return null;
        }

        jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email);
        if (!jwt.TryGetPayloadValue<string[]>("roles", out var roles))
        {
            roles = [];
        }

        return new AccessTokenClaims(userId, sessionId, email, roles, plan, scope, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}

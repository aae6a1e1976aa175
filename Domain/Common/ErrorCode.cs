namespace AuthService.Domain.Common;

/// <summary>Stable error codes of the HTTP contract; Adapters.Http maps each to a status.</summary>
public enum ErrorCode
{
    ValidationError,
    MalformedRequest,
    Unauthorized,
    InvalidCredentials,
    TokenExpired,
    InvalidToken,
    TokenReused,
    SessionRevoked,
    EmailNotVerified,
    AccountDisabled,
    Forbidden,
    NotFound,
    IdentifierTaken,
    AccountExists,
    LastLoginMethod,
    InvalidOtp,
    OtpExpired,
    InvalidOAuthState,
    OAuthProviderError,
    OtpAttemptsExceeded,
    AccountLocked,
    RateLimitExceeded,
    QuotaExceeded,
    PayloadTooLarge,
    ServiceUnavailable,
    InternalServerError,
    MfaRequired,
    InvalidMfaCode,
}

namespace AuthService.Adapters.Http.Errors;

/// <summary>The one table that turns domain error codes into HTTP statuses and wire codes.</summary>
internal static class ErrorCodes
{
    private static readonly Dictionary<ErrorCode, (int Status, string Wire)> Table = new()
    {
        [ErrorCode.ValidationError] = (422, "VALIDATION_ERROR"),
        [ErrorCode.MalformedRequest] = (400, "MALFORMED_REQUEST"),
        [ErrorCode.Unauthorized] = (401, "UNAUTHORIZED"),
        [ErrorCode.InvalidCredentials] = (401, "INVALID_CREDENTIALS"),
        [ErrorCode.TokenExpired] = (401, "TOKEN_EXPIRED"),
        [ErrorCode.InvalidToken] = (401, "INVALID_TOKEN"),
        [ErrorCode.TokenReused] = (401, "TOKEN_REUSED"),
        [ErrorCode.SessionRevoked] = (401, "SESSION_REVOKED"),
        [ErrorCode.EmailNotVerified] = (403, "EMAIL_NOT_VERIFIED"),
        [ErrorCode.AccountDisabled] = (403, "ACCOUNT_DISABLED"),
        [ErrorCode.Forbidden] = (403, "FORBIDDEN"),
        [ErrorCode.NotFound] = (404, "NOT_FOUND"),
        [ErrorCode.IdentifierTaken] = (409, "IDENTIFIER_TAKEN"),
        [ErrorCode.AccountExists] = (409, "ACCOUNT_EXISTS"),
        [ErrorCode.LastLoginMethod] = (409, "LAST_LOGIN_METHOD"),
        [ErrorCode.InvalidOtp] = (400, "INVALID_OTP"),
        [ErrorCode.OtpExpired] = (400, "OTP_EXPIRED"),
        [ErrorCode.InvalidOAuthState] = (400, "INVALID_OAUTH_STATE"),
        [ErrorCode.OAuthProviderError] = (502, "OAUTH_PROVIDER_ERROR"),
        [ErrorCode.OtpAttemptsExceeded] = (429, "OTP_ATTEMPTS_EXCEEDED"),
        [ErrorCode.AccountLocked] = (423, "ACCOUNT_LOCKED"),
        [ErrorCode.RateLimitExceeded] = (429, "RATE_LIMIT_EXCEEDED"),
        [ErrorCode.QuotaExceeded] = (429, "QUOTA_EXCEEDED"),
        [ErrorCode.PayloadTooLarge] = (413, "PAYLOAD_TOO_LARGE"),
        [ErrorCode.ServiceUnavailable] = (503, "SERVICE_UNAVAILABLE"),
        [ErrorCode.InternalServerError] = (500, "INTERNAL_SERVER_ERROR"),
        [ErrorCode.MfaRequired] = (403, "MFA_REQUIRED"),
        [ErrorCode.InvalidMfaCode] = (400, "INVALID_MFA_CODE"),
        [ErrorCode.SessionLimitReached] = (409, "SESSION_LIMIT_REACHED"),
        [ErrorCode.InviteRequired] = (403, "INVITE_REQUIRED"),
    };

    public static (int Status, string Wire) Map(ErrorCode code) =>
        Table.TryGetValue(code, out var entry) ? entry : (500, "INTERNAL_SERVER_ERROR");
}

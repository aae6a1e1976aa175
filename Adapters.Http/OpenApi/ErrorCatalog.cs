namespace AuthService.Adapters.Http.OpenApi;

/// <summary>Every error code of the contract with the sentence a client sees, for the documents' examples.</summary>
internal static class ErrorCatalog
{
    public static readonly IReadOnlyDictionary<string, (int Status, string Message)> Codes =
        new Dictionary<string, (int Status, string Message)>(StringComparer.Ordinal)
        {
            ["VALIDATION_ERROR"] = (422, "The request is invalid."),
            ["MALFORMED_REQUEST"] = (400, "The request body is not valid JSON for this endpoint at line 1, position 12 (field $.email): check the syntax and the field types."),
            ["UNAUTHORIZED"] = (401, "Authentication is required."),
            ["INVALID_CREDENTIALS"] = (401, "The credentials are not valid."),
            ["TOKEN_EXPIRED"] = (401, "The access token has expired."),
            ["INVALID_TOKEN"] = (401, "The access token is not valid."),
            ["TOKEN_REUSED"] = (401, "This refresh token was already used; the session has been revoked."),
            ["SESSION_REVOKED"] = (401, "This session has been revoked."),
            ["EMAIL_NOT_VERIFIED"] = (403, "Verify your email address (or phone number) before signing in."),
            ["ACCOUNT_DISABLED"] = (403, "This account is disabled."),
            ["FORBIDDEN"] = (403, "You are not allowed to do this."),
            ["NOT_FOUND"] = (404, "Session was not found."),
            ["IDENTIFIER_TAKEN"] = (409, "An account with this email already exists."),
            ["ACCOUNT_EXISTS"] = (409, "An account with this email exists: sign in, then link this provider."),
            ["LAST_LOGIN_METHOD"] = (409, "This is the last way to sign in to the account."),
            ["INVALID_OTP"] = (400, "The code is not valid."),
            ["OTP_EXPIRED"] = (400, "The code has expired. Ask for a new one."),
            ["INVALID_OAUTH_STATE"] = (400, "The code is unknown, has expired or was already used."),
            ["OAUTH_PROVIDER_ERROR"] = (502, "The provider did not authorize the sign-in."),
            ["OTP_ATTEMPTS_EXCEEDED"] = (429, "Too many wrong codes. Ask for a new one."),
            ["ACCOUNT_LOCKED"] = (423, "Too many failed sign-ins. Try again later or reset the password."),
            ["RATE_LIMIT_EXCEEDED"] = (429, "Too many requests. Slow down."),
            ["QUOTA_EXCEEDED"] = (429, "The daily quota of this service is used up."),
            ["PAYLOAD_TOO_LARGE"] = (413, "The request body is too large: the limit is 65536 bytes (64 KiB)."),
            ["SERVICE_UNAVAILABLE"] = (503, "The service is busy. Retry shortly."),
            ["INTERNAL_SERVER_ERROR"] = (500, "Something went wrong on our side."),
            ["MFA_REQUIRED"] = (403, "A second factor is required to finish signing in."),
            ["UNSUPPORTED_MEDIA_TYPE"] = (415, "This route takes a JSON body: send it with Content-Type: application/json."),
            ["METHOD_NOT_ALLOWED"] = (405, "GET is not allowed here; this path accepts POST."),
            ["INVALID_MFA_CODE"] = (400, "The code is not valid."),
            ["SESSION_LIMIT_REACHED"] = (409, "The account has reached its number of sessions."),
            ["INVITE_REQUIRED"] = (403, "Registration needs an invitation."),
        };

    public static string MessageFor(string wire) =>
        Codes.TryGetValue(wire, out var entry) ? entry.Message : "See the error-code table in the API description.";

    /// <summary>The error-code table of the introduction, in status order.</summary>
    public static string Table() =>
        "| code | status | example message |\n|---|---|---|\n" + string.Concat(
            Codes.OrderBy(c => c.Value.Status).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => $"| `{c.Key}` | {c.Value.Status} | {c.Value.Message} |\n"));

    /// <summary>Statuses whose answer carries Retry-After (seconds).</summary>
    public static bool HasRetryAfter(int status) => status is 423 or 429 or 503;

    public static string StatusText(int status) => status switch
    {
        400 => "Bad request",
        401 => "Not authenticated",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Body too large",
        415 => "Body is not JSON",
        422 => "Validation failed",
        423 => "Locked",
        429 => "Too many requests",
        502 => "Upstream provider failed",
        503 => "A dependency is unavailable or the service is busy",
        _ => "Error",
    };
}

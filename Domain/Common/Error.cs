namespace AuthService.Domain.Common;

/// <summary>
/// An expected failure: a stable code, a human sentence, optional per-field details, or other
/// details the client acts on (the mfa_token of MFA_REQUIRED).
/// </summary>
public sealed record Error(
    ErrorCode Code,
    string Message,
    IReadOnlyDictionary<string, string[]>? Fields = null,
    TimeSpan? RetryAfter = null,
    IReadOnlyDictionary<string, object>? Details = null)
{
    public static Error Validation(string field, string message) =>
        new(ErrorCode.ValidationError, "The request is invalid.", new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string what) => new(ErrorCode.NotFound, $"{what} was not found.");
}

namespace AuthService.Application.OAuth;

/// <summary>
/// A provider account as the provider vouched for it, already checked for types and lengths by
/// the gateway. <see cref="EmailVerified"/> is true only when the provider says so explicitly.
/// </summary>
public sealed record ProviderIdentity(
    string Provider,
    string Subject,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? AvatarUrl);

namespace AuthService.Application.Common;

/// <summary>The authenticated caller of a request, from a validated, unrevoked access token.</summary>
public sealed record CurrentPrincipal(
    Guid UserId,
    Guid SessionId,
    string? Email,
    IReadOnlyList<string> Roles,
    string Plan,
    string Scope,
    DateTimeOffset ExpiresAt)
{
    public bool IsAdmin => Roles.Contains(Domain.Users.Role.Admin);
}

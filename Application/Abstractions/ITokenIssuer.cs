using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Abstractions;

public sealed record IssuedAccessToken(string Token, int ExpiresInSeconds);

public sealed record AccessTokenClaims(
    Guid UserId,
    Guid SessionId,
    string? Email,
    IReadOnlyList<string> Roles,
    string Plan,
    string Scope,
    DateTimeOffset ExpiresAt);

public enum AccessTokenFailure
{
    None,
    Expired,
    Invalid,
}

public sealed record AccessTokenValidation(AccessTokenClaims? Claims, AccessTokenFailure Failure);

public interface ITokenIssuer
{
    IssuedAccessToken Issue(User user, Session session, DateTimeOffset now);

    Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken ct);
}

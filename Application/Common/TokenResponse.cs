using AuthService.Application.Users;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Common;

/// <summary>What every successful sign-in and refresh returns.</summary>
public sealed record TokenResponse(
    string AccessToken,
    int ExpiresIn,
    string RefreshToken,
    Guid SessionId,
    UserView User)
{
    /// <summary>The one place the answer is built: a new access token for the session, beside its refresh token.</summary>
    internal static TokenResponse Issue(ITokenIssuer tokens, User user, Session session, string refreshToken, DateTimeOffset now)
    {
        var access = tokens.Issue(user, session, now);
        return new TokenResponse(access.Token, access.ExpiresInSeconds, refreshToken, session.Id, UserView.Of(user));
    }
}

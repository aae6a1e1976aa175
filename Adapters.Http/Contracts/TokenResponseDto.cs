using AuthService.Application.Common;
using AuthService.Application.Users;

namespace AuthService.Adapters.Http.Contracts;

public sealed record TokenResponseDto(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    string RefreshToken,
    Guid SessionId,
    UserResponse User)
{
    public static TokenResponseDto From(TokenResponse tokens) => new(
        tokens.AccessToken, "Bearer", tokens.ExpiresIn, tokens.RefreshToken, tokens.SessionId, UserResponse.From(tokens.User));
}

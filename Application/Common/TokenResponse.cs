using AuthService.Domain.Users;

namespace AuthService.Application.Common;

/// <summary>What every successful sign-in and refresh returns.</summary>
public sealed record TokenResponse(
    string AccessToken,
    int ExpiresIn,
    string RefreshToken,
    Guid SessionId,
    User User);

using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Integration.Tests.Adapters.Crypto;

internal static class TokenFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static User User(string? email = "ada@example.com", params string[] roles) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        EmailVerified = true,
        Roles = roles.Length == 0 ? ["user"] : roles,
        Plan = "pro",
        CreatedAt = Now,
    };

    public static Session Session(User user) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = user.Id,
        AuthMethod = AuthMethods.Password,
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(30),
    };
}

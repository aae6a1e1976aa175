using AuthService.Domain.Otp;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Integration.Tests.Postgres;

internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static User NewUser(string? email = null, string? phone = null, string? username = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        Phone = phone,
        Username = username,
        Name = "Test User",
        PasswordHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static string NewPhone() => "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Session NewSession(Guid userId, DateTimeOffset? createdAt = null, string? deviceName = null)
    {
        var at = createdAt ?? Now;
        return new Session
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            AuthMethod = AuthMethods.Password,
            CreatedAt = at,
            LastUsedAt = at,
            ExpiresAt = at.AddDays(30),
            Ip = "203.0.113.7",
            UserAgent = "tests",
            DeviceName = deviceName,
        };
    }

    public static OtpCode NewOtp(string destination, DateTimeOffset? createdAt = null, OtpPurpose purpose = OtpPurpose.VerifyEmail)
    {
        var at = createdAt ?? Now;
        return new OtpCode
        {
            Id = Guid.CreateVersion7(),
            Purpose = purpose,
            Destination = destination,
            CodeHash = Unique("hash-"),
            CreatedAt = at,
            ExpiresAt = at + OtpCode.Lifetime,
        };
    }
}

using AuthService.Domain.Otp;

namespace AuthService.Adapters.Postgres.Otp;

/// <summary>An <c>otp_codes</c> row as Dapper reads it; the purpose is snake_case text.</summary>
internal sealed class OtpRow
{
    public const string Columns = """
        id, purpose, destination, user_id, code_hash, created_at, expires_at, attempts, consumed_at
        """;

    public Guid Id { get; init; }
    public string Purpose { get; init; } = "";
    public string Destination { get; init; } = "";
    public Guid? UserId { get; init; }
    public string CodeHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? ConsumedAt { get; init; }

    public static string PurposeText(OtpPurpose purpose) => purpose switch
    {
        OtpPurpose.VerifyEmail => "verify_email",
        OtpPurpose.VerifyPhone => "verify_phone",
        OtpPurpose.Login => "login",
        OtpPurpose.PasswordReset => "password_reset",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public OtpCode ToOtpCode() => OtpCode.Restore(
        Id,
        Purpose switch
        {
            "verify_email" => OtpPurpose.VerifyEmail,
            "verify_phone" => OtpPurpose.VerifyPhone,
            "login" => OtpPurpose.Login,
            "password_reset" => OtpPurpose.PasswordReset,
            _ => throw new InvalidOperationException($"Unknown OTP purpose '{Purpose}' in the database."),
        },
        Destination,
        UserId,
        CodeHash,
        CreatedAt,
        ExpiresAt,
        Attempts,
        ConsumedAt);
}

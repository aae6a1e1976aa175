namespace AuthService.Domain.Otp;

public enum OtpPurpose
{
    VerifyEmail,
    VerifyPhone,
    Login,
    PasswordReset,
}

namespace AuthService.Domain.Sessions;

public static class AuthMethods
{
    public const string Password = "password";
    public const string Otp = "otp";
    public const string Passkey = "passkey";
}

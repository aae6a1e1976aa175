using AuthService.Application.Abstractions;
using AuthService.Domain.Otp;

namespace AuthService.Application.Otp;

internal static class OtpMessages
{
    public static Notification For(OtpPurpose purpose, NotificationChannel channel, string to, string code)
    {
        var (subject, action) = purpose switch
        {
            OtpPurpose.VerifyEmail or OtpPurpose.VerifyPhone => ("Verify your account", "verify your account"),
            OtpPurpose.Login => ("Your sign-in code", "sign in"),
            OtpPurpose.PasswordReset => ("Reset your password", "reset your password"),
            _ => ("Your code", "continue"),
        };
        var minutes = (int)OtpCode.Lifetime.TotalMinutes;
        var body = channel == NotificationChannel.Sms
            ? $"{code} is your code to {action}. It expires in {minutes} minutes."
            : $"Your code to {action} is {code}.\n\nIt expires in {minutes} minutes. "
              + "If you did not ask for it, you can ignore this message.";
        return new Notification(channel, to, subject, body);
    }
}

using AuthService.Domain.Otp;
using AuthService.Domain.Outbox;

namespace AuthService.Application.Otp;

internal static class OtpMessages
{
    public static (string Subject, string Body) For(OtpPurpose purpose, OutboxChannel channel, string code)
    {
        var (subject, action) = purpose switch
        {
            OtpPurpose.VerifyEmail or OtpPurpose.VerifyPhone => ("Verify your account", "verify your account"),
            OtpPurpose.Login => ("Your sign-in code", "sign in"),
            OtpPurpose.PasswordReset => ("Reset your password", "reset your password"),
            _ => ("Your code", "continue"),
        };
        var minutes = (int)OtpCode.Lifetime.TotalMinutes;
        var body = channel == OutboxChannel.Sms
            ? $"{code} is your code to {action}. It expires in {minutes} minutes."
            : $"Your code to {action} is {code}.\n\nIt expires in {minutes} minutes. "
              + "If you did not ask for it, you can ignore this message.";
        return (subject, body);
    }
}

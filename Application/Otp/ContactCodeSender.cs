using AuthService.Domain.Otp;
using AuthService.Domain.Outbox;
using AuthService.Domain.Users;

namespace AuthService.Application.Otp;

/// <summary>
/// "Send a code to this address if it belongs to someone who should get one": the shared body of
/// resend, OTP sign-in and password reset. The cooldown is checked before the account is looked
/// up, so it behaves the same for addresses with and without an account; after it, the answer
/// waits out <see cref="CodeRequestTiming.Floor"/>, so its time does not tell either.
/// </summary>
internal sealed class ContactCodeSender(
    IUserRepository users, OtpService otp, Cooldown cooldown, IUnitOfWork uow, CodeRequestTiming timing, TimeProvider clock)
{
    /// <returns>The cooldown error when a code went to this address moments ago, else null.</returns>
    public async Task<Error?> SendAsync(
        Contact contact, OtpPurpose purpose, string cooldownScope, Func<User, bool> wanted, CancellationToken ct)
    {
        if (await cooldown.CheckAsync(cooldownScope + ":" + contact.Destination, ct) is { } tooSoon)
        {
            return tooSoon;
        }

        // The cooldown's answer does not depend on the account; from here on the time would.
        var started = clock.GetTimestamp();
        var user = await ContactLookup.FindAsync(users, contact.Kind, contact.Destination, ct);
        if (user is { IsActive: true } && wanted(user))
        {
            var channel = contact.Kind == IdentifierKind.Phone ? OutboxChannel.Sms : OutboxChannel.Email;
            await otp.IssueAsync(purpose, contact.Destination, user.Id, channel, ct);
            await uow.CommitAsync(ct);
        }

        if (timing.Floor - clock.GetElapsedTime(started) is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest, clock, ct);
        }

        return null;
    }
}

using AuthService.Application.Abstractions;
using AuthService.Domain.Common;
using AuthService.Domain.Otp;

namespace AuthService.Application.Otp;

/// <summary>Issues and checks one-time codes. Codes are stored only as keyed hashes bound to their row.</summary>
internal sealed class OtpService(
    IOtpRepository codes,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    INotificationSender notifications,
    IIdGenerator ids,
    TimeProvider clock)
{
    public static int LifetimeSeconds => (int)OtpCode.Lifetime.TotalSeconds;

    /// <summary>
    /// Stores a new code (voiding older ones) and returns the message to send once the
    /// unit of work is committed: sending first could deliver a code that was never saved.
    /// </summary>
    public async Task<Notification> IssueAsync(
        OtpPurpose purpose, string destination, Guid? userId, NotificationChannel channel, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var code = secrets.NewOtpCode();
        var id = ids.NewId();
        await codes.ReplaceAsync(
            new OtpCode
            {
                Id = id,
                Purpose = purpose,
                Destination = destination,
                UserId = userId,
                CodeHash = hasher.Hash(Bind(id, code)),
                CreatedAt = now,
                ExpiresAt = now + OtpCode.Lifetime,
            },
            ct);
        return OtpMessages.For(purpose, channel, destination, code);
    }

    public ValueTask SendAsync(Notification message, CancellationToken ct) => notifications.EnqueueAsync(message, ct);

    /// <summary>
    /// Checks and consumes a code. The attempt is burned before the comparison, so the caller
    /// must commit the unit of work even when this fails.
    /// </summary>
    public async Task<Error?> ConsumeAsync(OtpPurpose purpose, string destination, string code, CancellationToken ct)
    {
        var otp = await codes.FindLatestAsync(purpose, destination, ct);
        if (otp is null || otp.ConsumedAt is not null)
        {
            return InvalidCode;
        }

        if (otp.IsExpired(clock.GetUtcNow()))
        {
            return new Error(ErrorCode.OtpExpired, "The code has expired. Ask for a new one.");
        }

        if (!await codes.TryReserveAttemptAsync(otp.Id, OtpCode.MaxAttempts, ct))
        {
            return new Error(ErrorCode.OtpAttemptsExceeded, "Too many wrong codes. Ask for a new one.");
        }

        if (!hasher.Matches(Bind(otp.Id, code), otp.CodeHash))
        {
            return InvalidCode;
        }

        return await codes.TryConsumeAsync(otp.Id, clock.GetUtcNow(), ct) ? null : InvalidCode;
    }

    private static Error InvalidCode => new(ErrorCode.InvalidOtp, "The code is not valid.");

    // Binding the code to its row means equal codes never share a hash.
    private static string Bind(Guid id, string code) => $"{id:N}:{code}";
}

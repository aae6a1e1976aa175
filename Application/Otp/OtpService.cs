using AuthService.Application.Abstractions;
using AuthService.Application.Outbox;
using AuthService.Domain.Common;
using AuthService.Domain.Otp;
using AuthService.Domain.Outbox;

namespace AuthService.Application.Otp;

/// <summary>Issues and checks one-time codes. Codes are stored only as keyed hashes bound to their row.</summary>
internal sealed class OtpService(
    IOtpRepository codes,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IOutbox outbox,
    ISecretCipher cipher,
    IOtpFailureCounter failures,
    IIdGenerator ids,
    TimeProvider clock)
{
    public static int LifetimeSeconds => (int)OtpCode.Lifetime.TotalSeconds;

    /// <summary>
    /// Stores a new code (voiding older ones) and its message in the outbox, both in the current
    /// unit of work: the message goes out once, and only if, the caller commits.
    /// </summary>
    public async Task IssueAsync(
        OtpPurpose purpose, string destination, Guid? userId, OutboxChannel channel, CancellationToken ct)
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
        var (subject, text) = OtpMessages.For(purpose, channel, code);
        var messageId = ids.NewId();
        await outbox.AddMessageAsync(
            new OutgoingMessage(messageId, channel, destination, subject, OutboxBody.Seal(cipher, messageId, text), now), ct);
    }

    /// <summary>
    /// Checks and consumes a code. The attempt is burned before the comparison, so the caller
    /// must commit the unit of work even when this fails.
    /// </summary>
    public async Task<Error?> ConsumeAsync(OtpPurpose purpose, string destination, string code, CancellationToken ct)
    {
        // Counted as wrong before anything is compared, and forgiven only when right: past the
        // limit every guess is refused, the right code included, until the window ends.
        var failureKey = hasher.Hash("otp-failures:" + destination);
        if (await failures.TryCountAsync(failureKey, OtpCode.MaxWrongPerDestination, OtpCode.WrongCodeWindow, ct) is { } left)
        {
            return new Error(
                ErrorCode.OtpAttemptsExceeded,
                "Too many wrong codes for this address. Try again later.",
                RetryAfter: TimeSpan.FromSeconds(Math.Ceiling(Math.Max(1, left.TotalSeconds))));
        }

        var failure = await CheckAsync(purpose, destination, code, ct);
        if (failure is null)
        {
            await failures.ForgiveAsync(failureKey, ct);
        }

        return failure;
    }

    private async Task<Error?> CheckAsync(OtpPurpose purpose, string destination, string code, CancellationToken ct)
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

using AuthService.Domain.Users;
using AuthService.Application.Outbox;
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

    private async Task<Error?> CheckAsync(OtpPurpose purpose, string destination, string candidate, CancellationToken ct)
    {
        var otp = await codes.FindLatestAsync(purpose, destination, ct);
        if (otp is null)
        {
            return InvalidCode;
        }

        var now = clock.GetUtcNow();
        var attempt = otp.Attempt(hash => hasher.Matches(Bind(otp.Id, candidate), hash), now);
        if (attempt is OtpAttempt.Used)
        {
            return InvalidCode;
        }

        if (attempt is OtpAttempt.Expired)
        {
            return new Error(ErrorCode.OtpExpired, "The code has expired. Ask for a new one.");
        }

        // The entity decided on the row as it was read; parallel guesses at the same code race, so
        // the burned attempt and the consumption are stored by conditional statements that apply
        // the same rule (OtpCode.Attempt) to the row as it is now.
        if (attempt is OtpAttempt.Exhausted || !await codes.TryReserveAttemptAsync(otp.Id, OtpCode.MaxAttempts, ct))
        {
            return new Error(ErrorCode.OtpAttemptsExceeded, "Too many wrong codes. Ask for a new one.");
        }

        if (attempt is OtpAttempt.Wrong)
        {
            return InvalidCode;
        }

        return await codes.TryConsumeAsync(otp.Id, now, ct) ? null : InvalidCode;
    }

    /// <summary>
    /// Burns a code sent to a contact, then finds the account the contact belongs to: signing in,
    /// verifying a contact and resetting a password all begin so. Either failing answers the same
    /// INVALID_OTP, so an address without an account cannot be told from a wrong code.
    /// </summary>
    public async Task<Result<User>> RedeemAsync(
        IUserRepository users, OtpPurpose purpose, IdentifierKind kind, string destination, string code, CancellationToken ct)
    {
        if (await ConsumeAsync(purpose, destination, code, ct) is { } failure)
        {
            return failure;
        }

        return await ContactLookup.FindAsync(users, kind, destination, ct) is { } user ? user : InvalidCode;
    }

    internal static Error InvalidCode => new(ErrorCode.InvalidOtp, "The code is not valid.");

    // Binding the code to its row means equal codes never share a hash.
    private static string Bind(Guid id, string code) => $"{id:N}:{code}";
}

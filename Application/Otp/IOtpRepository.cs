using AuthService.Domain.Otp;

namespace AuthService.Application.Otp;

public interface IOtpRepository
{
    /// <summary>Voids every live code for the same purpose and destination, then stores this one.</summary>
    Task ReplaceAsync(OtpCode code, CancellationToken ct);

    Task<OtpCode?> FindLatestAsync(OtpPurpose purpose, string destination, CancellationToken ct);

    /// <summary>
    /// Stores the attempt <see cref="OtpCode.Attempt"/> burned, in one conditional statement that
    /// applies the same rule to the row as it is now, so parallel guesses can never exceed the
    /// limit. Returns false when no attempt is left or the code is already consumed.
    /// </summary>
    Task<bool> TryReserveAttemptAsync(Guid codeId, int maxAttempts, CancellationToken ct);

    /// <summary>Stores the consumption <see cref="OtpCode.Attempt"/> decided, if nobody consumed it yet; false when it lost the race.</summary>
    Task<bool> TryConsumeAsync(Guid codeId, DateTimeOffset now, CancellationToken ct);

    Task<int> DeleteExpiredAsync(DateTimeOffset olderThan, CancellationToken ct);
}

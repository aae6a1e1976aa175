using AuthService.Domain.Otp;

namespace AuthService.Application.Abstractions;

public interface IOtpRepository
{
    /// <summary>Voids every live code for the same purpose and destination, then stores this one.</summary>
    Task ReplaceAsync(OtpCode code, CancellationToken ct);

    Task<OtpCode?> FindLatestAsync(OtpPurpose purpose, string destination, CancellationToken ct);

    /// <summary>
    /// Burns one attempt before the code is compared, in one conditional statement, so parallel
    /// guesses can never exceed the limit. Returns false when no attempt is left or the code is
    /// already consumed.
    /// </summary>
    Task<bool> TryReserveAttemptAsync(Guid codeId, int maxAttempts, CancellationToken ct);

    /// <summary>Marks the code consumed if nobody did yet; false when it lost the race.</summary>
    Task<bool> TryConsumeAsync(Guid codeId, DateTimeOffset now, CancellationToken ct);

    Task<int> DeleteExpiredAsync(DateTimeOffset olderThan, CancellationToken ct);
}

using AuthService.Application.Abstractions;
using AuthService.Domain.Common;

namespace AuthService.Application.Otp;

/// <summary>At most one code per destination per minute, whatever the account's state.</summary>
internal sealed class Cooldown(ICooldown cooldown)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public async Task<Error?> CheckAsync(string destination, CancellationToken ct) =>
        await cooldown.TryStartAsync("otp-send:" + destination, Window, ct) is { } left
            ? new Error(
                ErrorCode.RateLimitExceeded,
                "A code was sent to this address moments ago. Try again shortly.",
                RetryAfter: left)
            : null;
}

namespace AuthService.Application.Otp;

/// <summary>
/// At most one code per destination per minute, whatever the account's state. The key holds a
/// keyed hash of the address, so no email or phone number is written into Redis.
/// </summary>
internal sealed class Cooldown(ICooldown cooldown, ISecretHasher hasher)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public async Task<Error?> CheckAsync(string destination, CancellationToken ct) =>
        await cooldown.TryStartAsync("otp-send:" + hasher.Hash(destination), Window, ct) is { } left
            ? new Error(
                ErrorCode.RateLimitExceeded,
                "A code was sent to this address moments ago. Try again shortly.",
                RetryAfter: left)
            : null;
}

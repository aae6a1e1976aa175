namespace AuthService.Domain.Mfa;

/// <summary>A registered WebAuthn credential (a passkey or a security key).</summary>
public sealed class Passkey
{
    public const int MaxNameLength = 100;

    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required byte[] CredentialId { get; init; }
    public required byte[] PublicKey { get; init; }
    public long SignCount { get; set; }
    public required string Name { get; set; }
    public IReadOnlyList<string> Transports { get; init; } = [];
    public Guid? AaGuid { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>
    /// The signature counter must move forward. An authenticator that does not count reports 0
    /// every time; any other value that is not above the stored one means the credential was
    /// copied (a clone signing with an older counter), so the sign-in is refused.
    /// </summary>
    public bool TryAdvanceCounter(long reported, DateTimeOffset now)
    {
        if ((reported != 0 || SignCount != 0) && reported <= SignCount)
        {
            return false;
        }

        SignCount = reported;
        LastUsedAt = now;
        return true;
    }
}

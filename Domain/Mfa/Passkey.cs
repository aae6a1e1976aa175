namespace AuthService.Domain.Mfa;

/// <summary>A registered WebAuthn credential (a passkey or a security key).</summary>
public sealed class Passkey
{
    public const int MaxNameLength = 100;
    public const string DefaultName = "Passkey";

    private long _signCount;
    private string _name = DefaultName;
    private DateTimeOffset? _lastUsedAt;

    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required byte[] CredentialId { get; init; }
    public required byte[] PublicKey { get; init; }
    public long SignCount { get => _signCount; init => _signCount = value; }
    public required string Name { get => _name; init => _name = value; }
    public IReadOnlyList<string> Transports { get; init; } = [];
    public Guid? AaGuid { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get => _lastUsedAt; init => _lastUsedAt = value; }

    /// <summary>The name the user gave it, trimmed; <see cref="DefaultName"/> when none was given.</summary>
    public static string NameOrDefault(string? name) => string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();

    /// <summary>Renaming changes no factor: the credential, its key and its counter stay as they are.</summary>
    public void Rename(string name) => _name = NameOrDefault(name);

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

        _signCount = reported;
        _lastUsedAt = now;
        return true;
    }
}

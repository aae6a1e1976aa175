namespace AuthService.Domain.Sessions;

public sealed class Session
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required string AuthMethod { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUsedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    public string? DeviceName { get; init; }

    /// <summary>How the session was proven (RFC 8176 values, see <see cref="Sessions.Amr"/>).</summary>
    public IReadOnlyList<string> Amr { get; init; } = [];

    public bool PassedMfa => Sessions.Amr.PassedMfa(Amr);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public static string OAuthMethod(string provider) => "oauth:" + provider;
}

using AuthService.Domain.Sessions;

namespace AuthService.Adapters.Postgres.Sessions;

/// <summary>A <c>sessions</c> row as Dapper reads it.</summary>
internal sealed class SessionRow
{
    public const string Columns = """
        id, user_id, auth_method, created_at, last_used_at, expires_at, revoked_at, revoked_reason, ip, user_agent, device_name, amr
        """;

    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string AuthMethod { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUsedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    public string? DeviceName { get; init; }
    public string[] Amr { get; init; } = [];

    public Session ToSession() => new()
    {
        Id = Id,
        UserId = UserId,
        AuthMethod = AuthMethod,
        CreatedAt = CreatedAt,
        LastUsedAt = LastUsedAt,
        ExpiresAt = ExpiresAt,
        RevokedAt = RevokedAt,
        RevokedReason = RevokedReason,
        Ip = Ip,
        UserAgent = UserAgent,
        DeviceName = DeviceName,
        Amr = Amr,
    };
}

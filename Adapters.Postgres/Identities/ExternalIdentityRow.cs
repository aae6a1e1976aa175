using AuthService.Domain.Identities;

namespace AuthService.Adapters.Postgres.Identities;

/// <summary>An <c>external_identities</c> row as Dapper reads it.</summary>
internal sealed class ExternalIdentityRow
{
    public const string Columns = "id, user_id, provider, subject, email, email_verified, linked_at";

    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string Provider { get; init; } = "";
    public string Subject { get; init; } = "";
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public DateTimeOffset LinkedAt { get; init; }

    public ExternalIdentity ToIdentity() => new()
    {
        Id = Id,
        UserId = UserId,
        Provider = Provider,
        Subject = Subject,
        Email = Email,
        EmailVerified = EmailVerified,
        LinkedAt = LinkedAt,
    };
}

namespace AuthService.Domain.Identities;

/// <summary>A provider account (provider + subject) linked to one user.</summary>
public sealed class ExternalIdentity
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required string Provider { get; init; }
    public required string Subject { get; init; }
    public string? Email { get; set; }
    public bool EmailVerified { get; set; }
    public required DateTimeOffset LinkedAt { get; init; }
}

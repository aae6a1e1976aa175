namespace AuthService.Domain.ApiKeys;

/// <summary>
/// A downstream service's credential for introspection. Not a user's key: no owner account (so
/// disabling the admin who issued it does not cut a service off), one fixed scope, and issued only
/// through the admin API. <see cref="Service"/>, when set, is the one service it may meter.
/// </summary>
public sealed class ServiceKey
{
    public const string IntrospectScope = "introspect";

    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Service { get; init; }
    public required string Prefix { get; init; }
    public required string KeyHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public IReadOnlyList<string> Scopes => [IntrospectScope];

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>A key bound to a service meters only that one; an unbound key any.</summary>
    public bool MayMeter(string service) => Service is null || string.Equals(Service, service, StringComparison.Ordinal);
}

using System.ComponentModel.DataAnnotations;
using AuthService.Application.ServiceKeys;
using AuthService.Domain.ApiKeys;

namespace AuthService.Adapters.Http.Contracts;

// Nullable fields, so a missing or malformed one is a 422 naming it rather than a binding 400.
public sealed record CreateServiceKeyRequest([Required] string? Name, string? Service, string? ExpiresAt);

/// <summary>The only response that ever carries the service key itself.</summary>
public sealed record CreatedServiceKeyResponse(
    Guid Id,
    string Name,
    string Key,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string? Service,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    public static CreatedServiceKeyResponse From(IssuedServiceKey issued) => new(
        issued.ServiceKey.Id, issued.ServiceKey.Name, issued.Key, issued.ServiceKey.Prefix, issued.ServiceKey.Scopes,
        issued.ServiceKey.Service, issued.ServiceKey.CreatedAt, issued.ServiceKey.ExpiresAt);
}

public sealed record ServiceKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string? Service,
    DateTimeOffset CreatedAt,
    Guid? CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt)
{
    public static ServiceKeyResponse From(ServiceKey key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes, key.Service, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.LastUsedAt);
}

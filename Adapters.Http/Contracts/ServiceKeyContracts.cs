using System.ComponentModel.DataAnnotations;
using AuthService.Application.ApiKeys;

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
    public static CreatedServiceKeyResponse From(IssuedApiKey issued) => new(
        issued.ApiKey.Id, issued.ApiKey.Name, issued.Key, issued.ApiKey.Prefix, issued.ApiKey.Scopes,
        issued.ApiKey.Service, issued.ApiKey.CreatedAt, issued.ApiKey.ExpiresAt);
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
    public static ServiceKeyResponse From(ApiKeyView key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes, key.Service, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.LastUsedAt);
}

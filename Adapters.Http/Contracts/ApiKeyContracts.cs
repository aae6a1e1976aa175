using System.ComponentModel.DataAnnotations;
using AuthService.Application.ApiKeys;

namespace AuthService.Adapters.Http.Contracts;

// Every field is nullable so that a missing one is a 422 naming the field, not a binding 400;
// expires_at is read as text so that a malformed timestamp is a 422 naming it, too.
public sealed record CreateApiKeyRequest([Required] string? Name, IReadOnlyList<string?>? Scopes, string? ExpiresAt);

/// <summary>The only response that ever carries the key itself.</summary>
public sealed record CreatedApiKeyResponse(
    Guid Id,
    string Name,
    string Key,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    public static CreatedApiKeyResponse From(IssuedApiKey issued) => new(
        issued.ApiKey.Id, issued.ApiKey.Name, issued.Key, issued.ApiKey.Prefix, issued.ApiKey.Scopes,
        issued.ApiKey.CreatedAt, issued.ApiKey.ExpiresAt);
}

public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKeyView key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.ExpiresAt, key.LastUsedAt);
}

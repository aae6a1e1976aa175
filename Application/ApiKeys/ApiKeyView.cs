using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>A key as callers see it, never with its hash. <paramref name="Service"/> and <paramref name="CreatedBy"/> are a service key's.</summary>
public sealed record ApiKeyView(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    string? Service,
    Guid? CreatedBy)
{
    internal static ApiKeyView From(ApiKey key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.Service, key.CreatedBy);
}

/// <summary>A new key and its plaintext, which exists only in this response.</summary>
public sealed record IssuedApiKey(ApiKeyView ApiKey, string Key);

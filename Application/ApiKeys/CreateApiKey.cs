using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Common;
using FluentValidation;

namespace AuthService.Application.ApiKeys;

/// <summary><paramref name="ExpiresAt"/> is the RFC 3339 text the client sent; the validator parses it.</summary>
public sealed record CreateApiKeyCommand(string? Name, IReadOnlyList<string?>? Scopes, string? ExpiresAt, ClientInfo Client);

/// <summary>The stored key and its plaintext, which exists only in this response.</summary>
public sealed record IssuedApiKey(ApiKey ApiKey, string Key);

public interface ICreateApiKey
{
    Task<Result<IssuedApiKey>> ExecuteAsync(CurrentPrincipal principal, CreateApiKeyCommand command, CancellationToken ct);
}

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotNull().WithMessage("is required").Name().OverridePropertyName("name");
        RuleFor(c => c.Scopes)
            .Must(s => s is null || s.Count <= ApiKeyRules.MaxScopes)
            .WithMessage($"must list at most {ApiKeyRules.MaxScopes} scopes")
            .Must(s => s is null || s.All(ApiKeyRules.IsScope))
            .WithMessage($"each scope must be 1 to {ApiKeyRules.MaxScopeLength} letters, digits or ':._-/', starting with a letter or digit")
            .Must(s => s is null || !s.Any(ApiKeyRules.IsReserved))
            .WithMessage("'introspect' and 'admin*' scopes are reserved for service keys, which only the admin API issues")
            .OverridePropertyName("scopes");
        RuleFor(c => c.ExpiresAt)
            .Must(e => e is null || ApiKeyRules.TryParseTimestamp(e, out _))
            .WithMessage("must be an RFC 3339 timestamp with an offset, such as 2030-01-31T12:00:00Z")
            .Must(e => e is null || !ApiKeyRules.TryParseTimestamp(e, out var at) || at > clock.GetUtcNow())
            .WithMessage("must be in the future")
            .OverridePropertyName("expires_at");
    }
}

internal sealed class CreateApiKey(
    IValidator<CreateApiKeyCommand> validator,
    IApiKeyRepository keys,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IIdGenerator ids,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : ICreateApiKey
{
    public async Task<Result<IssuedApiKey>> ExecuteAsync(
        CurrentPrincipal principal, CreateApiKeyCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        // PostgreSQL keeps microseconds: round now so the created_at shown here equals the listed one.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        DateTimeOffset? expiresAt = ApiKeyRules.TryParseTimestamp(command.ExpiresAt, out var at) ? at : null;

        var prefix = ApiKeyFormat.NewPrefix();
        var plaintext = ApiKeyFormat.Compose(prefix, secrets.NewOpaqueToken());
        var key = new ApiKey
        {
            Id = ids.NewId(),
            UserId = principal.UserId,
            Name = command.Name!.Trim(),
            Prefix = prefix,

            // The HMAC covers the prefix too, so a stored hash matches only the key it was made for.
            KeyHash = hasher.Hash(plaintext),
            Scopes = (command.Scopes ?? []).Select(s => s!).Distinct(StringComparer.Ordinal).ToList(),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };

        if (!await keys.AddWithinCapAsync(key, ApiKeyRules.MaxActiveKeysPerUser, now, ct))
        {
            return new Error(
                ErrorCode.ValidationError,
                $"You already have {ApiKeyRules.MaxActiveKeysPerUser} active API keys; revoke one before creating another.",
                new Dictionary<string, string[]>
                {
                    ["name"] = [$"no more than {ApiKeyRules.MaxActiveKeysPerUser} active API keys per account"],
                });
        }

        await audit.RecordAsync(ApiKeyAuditActions.Created, principal.UserId, command.Client, ct,
            new Dictionary<string, object?> { ["api_key_id"] = key.Id, ["prefix"] = prefix });
        await uow.CommitAsync(ct);
        return new IssuedApiKey(key, plaintext);
    }
}

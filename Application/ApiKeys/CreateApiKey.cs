namespace AuthService.Application.ApiKeys;

/// <summary><paramref name="ExpiresAt"/> is the RFC 3339 text the client sent; the validator parses it.</summary>
public sealed record CreateApiKeyCommand(string? Name, IReadOnlyList<string?>? Scopes, string? ExpiresAt, ClientInfo Client);

public interface ICreateApiKey
{
    Task<Result<IssuedApiKey>> ExecuteAsync(CurrentPrincipal principal, CreateApiKeyCommand command, CancellationToken ct);
}

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).KeyName();
        RuleFor(c => c.Scopes)
            .Must(s => s is null || s.Count <= ApiKeyRules.MaxScopes)
            .WithMessage($"must list at most {ApiKeyRules.MaxScopes} scopes")
            .Must(s => s is null || s.All(ApiKeyRules.IsScope))
            .WithMessage($"each scope must be 1 to {ApiKeyRules.MaxScopeLength} letters, digits or ':._-/', starting with a letter or digit")
            .Must(s => s is null || !s.Any(ApiKeyRules.IsReserved))
            .WithMessage("'introspect' and 'admin*' scopes are reserved for service keys, which only the admin API issues")
            .OverridePropertyName("scopes");
        RuleFor(c => c.ExpiresAt).Expiry(clock);
    }
}

/// <summary>A user's own key, with the scopes they chose; at most <see cref="ApiKeyRules.MaxActiveKeysPerUser"/> active at once.</summary>
internal sealed class CreateApiKey(
    IValidator<CreateApiKeyCommand> validator,
    IApiKeyRepository keys,
    ApiKeyIssuer issuer,
    Auditor audit,
    IUnitOfWork uow) : ICreateApiKey
{
    public async Task<Result<IssuedApiKey>> ExecuteAsync(
        CurrentPrincipal principal, CreateApiKeyCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var scopes = (command.Scopes ?? []).Select(s => s!).Distinct(StringComparer.Ordinal).ToList();
        var (key, plaintext) = issuer.ForUser(principal.UserId, command.Name!.Trim(), scopes, ApiKeyRules.ExpiryOf(command.ExpiresAt));
        if (!await keys.AddWithinCapAsync(key, ApiKeyRules.MaxActiveKeysPerUser, key.CreatedAt, ct))
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
            new Dictionary<string, object?> { ["api_key_id"] = key.Id, ["prefix"] = key.Prefix });
        await uow.CommitAsync(ct);
        return new IssuedApiKey(ApiKeyView.From(key), plaintext);
    }
}

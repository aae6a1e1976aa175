using AuthService.Application.ApiKeys;
using AuthService.Application.Plans;

namespace AuthService.Application.ServiceKeys;

/// <summary><paramref name="Service"/> binds the key to one service's quota; <paramref name="ExpiresAt"/> is RFC 3339 text.</summary>
public sealed record CreateServiceKeyCommand(string? Name, string? Service, string? ExpiresAt, ClientInfo Client);

public interface ICreateServiceKey
{
    /// <summary><paramref name="issuedBy"/>: the admin, or null from the command line.</summary>
    Task<Result<IssuedApiKey>> ExecuteAsync(Guid? issuedBy, CreateServiceKeyCommand command, CancellationToken ct);
}

internal sealed class CreateServiceKeyCommandValidator : AbstractValidator<CreateServiceKeyCommand>
{
    public CreateServiceKeyCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).KeyName();
        RuleFor(c => c.ExpiresAt).Expiry(clock);
    }
}

/// <summary>
/// The only way to get a credential with the <c>introspect</c> scope: an admin issues it for a
/// downstream service. The key is shown once; only its HMAC is stored.
/// </summary>
internal sealed class CreateServiceKey(
    IValidator<CreateServiceKeyCommand> validator,
    IApiKeyRepository keys,
    IPlanRepository plans,
    ApiKeyIssuer issuer,
    Auditor audit,
    IUnitOfWork uow) : ICreateServiceKey
{
    public async Task<Result<IssuedApiKey>> ExecuteAsync(Guid? issuedBy, CreateServiceKeyCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        if (command.Service is not null && !await plans.IsKnownServiceAsync(command.Service, ct))
        {
            return Error.Validation("service", "is not a known service");
        }

        var (key, plaintext) = issuer.ForService(command.Name!.Trim(), command.Service, issuedBy, ApiKeyRules.ExpiryOf(command.ExpiresAt));
        await keys.AddAsync(key, ct);
        await audit.RecordAsync(ServiceKeyAuditActions.Created, null, command.Client, ct,
            new Dictionary<string, object?> { ["service_key_id"] = key.Id, ["prefix"] = key.Prefix, ["service"] = key.Service },
            issuedBy);
        await uow.CommitAsync(ct);
        return new IssuedApiKey(ApiKeyView.From(key), plaintext);
    }
}

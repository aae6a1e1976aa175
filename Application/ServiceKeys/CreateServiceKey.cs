using AuthService.Application.Abstractions;
using AuthService.Application.ApiKeys;
using AuthService.Application.Common;
using AuthService.Application.Plans;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Common;
using FluentValidation;

namespace AuthService.Application.ServiceKeys;

/// <summary><paramref name="Service"/> binds the key to one service's quota; <paramref name="ExpiresAt"/> is RFC 3339 text.</summary>
public sealed record CreateServiceKeyCommand(string? Name, string? Service, string? ExpiresAt, ClientInfo Client);

/// <summary>The stored key and its plaintext, which exists only in this response.</summary>
public sealed record IssuedServiceKey(ServiceKey ServiceKey, string Key);

public interface ICreateServiceKey
{
    /// <summary><paramref name="issuedBy"/>: the admin, or null from the command line.</summary>
    Task<Result<IssuedServiceKey>> ExecuteAsync(Guid? issuedBy, CreateServiceKeyCommand command, CancellationToken ct);
}

internal sealed class CreateServiceKeyCommandValidator : AbstractValidator<CreateServiceKeyCommand>
{
    public CreateServiceKeyCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotNull().WithMessage("is required").Name().OverridePropertyName("name");
        RuleFor(c => c.ExpiresAt)
            .Must(e => e is null || ApiKeyRules.TryParseTimestamp(e, out _))
            .WithMessage("must be an RFC 3339 timestamp with an offset, such as 2030-01-31T12:00:00Z")
            .Must(e => e is null || !ApiKeyRules.TryParseTimestamp(e, out var at) || at > clock.GetUtcNow())
            .WithMessage("must be in the future")
            .OverridePropertyName("expires_at");
    }
}

/// <summary>
/// The only way to get a credential with the <c>introspect</c> scope: an admin issues it for a
/// downstream service. The key is shown once; only its HMAC is stored.
/// </summary>
internal sealed class CreateServiceKey(
    IValidator<CreateServiceKeyCommand> validator,
    IServiceKeyRepository keys,
    IPlanRepository plans,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IIdGenerator ids,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : ICreateServiceKey
{
    public async Task<Result<IssuedServiceKey>> ExecuteAsync(
        Guid? issuedBy, CreateServiceKeyCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        if (command.Service is not null && !(await plans.ListServicesAsync(ct)).Any(s => s.Code == command.Service))
        {
            return Error.Validation("service", "is not a known service");
        }

        // PostgreSQL keeps microseconds: round now so the created_at shown here equals the listed one.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var prefix = ApiKeyFormat.NewPrefix();
        var plaintext = ApiKeyFormat.Compose(prefix, secrets.NewOpaqueToken(), ApiKeyFormat.ServiceMarker);
        var key = new ServiceKey
        {
            Id = ids.NewId(),
            Name = command.Name!.Trim(),
            Service = command.Service,
            Prefix = prefix,
            KeyHash = hasher.Hash(plaintext),
            CreatedAt = now,
            CreatedBy = issuedBy,
            ExpiresAt = ApiKeyRules.TryParseTimestamp(command.ExpiresAt, out var at) ? at : null,
        };

        await keys.AddAsync(key, ct);
        await audit.RecordAsync(ServiceKeyAuditActions.Created, null, command.Client, ct,
            new Dictionary<string, object?> { ["service_key_id"] = key.Id, ["prefix"] = prefix, ["service"] = key.Service },
            issuedBy);
        await uow.CommitAsync(ct);
        return new IssuedServiceKey(key, plaintext);
    }
}

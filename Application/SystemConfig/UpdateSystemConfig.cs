using System.Text.Json;

namespace AuthService.Application.SystemConfig;

/// <summary><paramref name="Value"/>: any JSON; the key's own rule (<see cref="SettingDefinition.TryNormalize"/>) decides.</summary>
public sealed record UpdateSystemConfigCommand(string Key, JsonElement? Value, ClientInfo Client);

public interface IUpdateSystemConfig
{
    /// <summary>Stores a value for a known key; <c>Value</c> null (or JSON null) is a validation error.</summary>
    Task<Result<SettingValue>> ExecuteAsync(CurrentPrincipal admin, UpdateSystemConfigCommand command, CancellationToken ct);
}

/// <summary>Runs for a known key only: an unknown one is a 404 before any validation.</summary>
internal sealed class UpdateSystemConfigCommandValidator : AbstractValidator<UpdateSystemConfigCommand>
{
    public UpdateSystemConfigCommandValidator()
    {
        RuleFor(c => c.Value).Cascade(CascadeMode.Stop)
            .Must(v => v is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined }).WithMessage("is required")
            .Must((c, v, context) =>
            {
                var ok = SettingCatalogue.Find(c.Key)!.TryNormalize(v!.Value, out _, out var error);
                context.MessageFormatter.AppendArgument("Problem", error);
                return ok;
            }).WithMessage("{Problem}");
    }
}

internal sealed class UpdateSystemConfig(
    IValidator<UpdateSystemConfigCommand> validator,
    ISystemConfigRepository repository,
    SettingsChangePublisher publisher,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IUpdateSystemConfig
{
    public async Task<Result<SettingValue>> ExecuteAsync(CurrentPrincipal admin, UpdateSystemConfigCommand command, CancellationToken ct)
    {
        if (SettingCatalogue.Find(command.Key) is not { } definition)
        {
            return SettingsChangePublisher.UnknownKey;
        }

        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        definition.TryNormalize(command.Value!.Value, out var canonical, out _);
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        await repository.UpsertAsync(new StoredSetting(command.Key, canonical, definition.Category, now, admin.UserId), ct);
        await audit.RecordAsync(SettingsChangePublisher.UpdatedAction, null, command.Client, ct,
            new Dictionary<string, object?> { ["key"] = command.Key, ["value"] = canonical }, admin.UserId);
        await uow.CommitAsync(ct);
        return await publisher.AppliedAsync(command.Key, ct);
    }
}

using System.Text.Json;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using Microsoft.Extensions.Logging;

namespace AuthService.Application.SystemConfig;

public interface IListSystemConfig
{
    Task<IReadOnlyList<SettingValue>> ExecuteAsync(CancellationToken ct);
}

public interface IUpdateSystemConfig
{
    /// <summary>Stores a value for a known key; <paramref name="value"/> null (or JSON null) is a validation error.</summary>
    Task<Result<SettingValue>> ExecuteAsync(CurrentPrincipal admin, string key, JsonElement? value, ClientInfo client, CancellationToken ct);
}

public interface IResetSystemConfig
{
    /// <summary>Removes the stored value, so the environment's (or the default) applies again.</summary>
    Task<Result<SettingValue>> ExecuteAsync(CurrentPrincipal admin, string key, ClientInfo client, CancellationToken ct);
}

/// <summary>Every known setting with its effective value, read fresh from the table.</summary>
internal sealed class ListSystemConfig(ISystemSettings settings) : IListSystemConfig
{
    public async Task<IReadOnlyList<SettingValue>> ExecuteAsync(CancellationToken ct)
    {
        await settings.ReloadAsync(ct);
        return [.. settings.Current.Values.OrderBy(v => v.Key, StringComparer.Ordinal)];
    }
}

internal sealed class UpdateSystemConfig(
    ISystemConfigRepository repository, SettingsChangePublisher publisher, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : IUpdateSystemConfig
{
    public async Task<Result<SettingValue>> ExecuteAsync(
        CurrentPrincipal admin, string key, JsonElement? value, ClientInfo client, CancellationToken ct)
    {
        if (SettingCatalogue.Find(key) is not { } definition)
        {
            return SettingsChangePublisher.UnknownKey;
        }

        if (value is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } given)
        {
            return Error.Validation("value", "is required");
        }

        if (!definition.TryNormalize(given, out var canonical, out var error))
        {
            return Error.Validation("value", error);
        }

        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        await repository.UpsertAsync(new StoredSetting(key, canonical, definition.Category, now, admin.UserId), ct);
        await audit.RecordAsync(SettingsChangePublisher.UpdatedAction, null, client, ct,
            new Dictionary<string, object?> { ["key"] = key, ["value"] = canonical }, admin.UserId);
        await uow.CommitAsync(ct);
        return await publisher.AppliedAsync(key, ct);
    }
}

internal sealed class ResetSystemConfig(
    ISystemConfigRepository repository, SettingsChangePublisher publisher, Auditor audit, IUnitOfWork uow) : IResetSystemConfig
{
    public async Task<Result<SettingValue>> ExecuteAsync(CurrentPrincipal admin, string key, ClientInfo client, CancellationToken ct)
    {
        if (SettingCatalogue.Find(key) is null)
        {
            return SettingsChangePublisher.UnknownKey;
        }

        if (await repository.DeleteAsync(key, ct))
        {
            await audit.RecordAsync(SettingsChangePublisher.ResetAction, null, client, ct,
                new Dictionary<string, object?> { ["key"] = key }, admin.UserId);
            await uow.CommitAsync(ct);
        }

        return await publisher.AppliedAsync(key, ct);
    }
}

/// <summary>After a committed change: apply it here at once, and tell the other instances.</summary>
internal sealed class SettingsChangePublisher(ISystemSettings settings, ISettingsChangeBus bus, ILogger<SettingsChangePublisher> logger)
{
    public const string UpdatedAction = "config.update";
    public const string ResetAction = "config.reset";

    public static Error UnknownKey => new(
        ErrorCode.NotFound,
        $"No such setting. Known settings: {string.Join(", ", SettingCatalogue.All.Select(d => d.Key))}.");

    public async Task<SettingValue> AppliedAsync(string key, CancellationToken ct)
    {
        await settings.ReloadAsync(ct);
        try
        {
            await bus.PublishAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The other instances still re-read the table on their own within the refresh period.
            logger.LogWarning(e, "Could not announce a settings change; other instances pick it up at their next re-read");
        }

        return settings.Current.Values.Single(v => v.Key == key);
    }
}

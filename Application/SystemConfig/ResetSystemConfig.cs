namespace AuthService.Application.SystemConfig;

public interface IResetSystemConfig
{
    /// <summary>Removes the stored value, so the environment's (or the default) applies again.</summary>
    Task<Result<SettingValue>> ExecuteAsync(CurrentPrincipal admin, string key, ClientInfo client, CancellationToken ct);
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

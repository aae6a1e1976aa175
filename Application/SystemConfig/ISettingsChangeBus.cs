namespace AuthService.Application.SystemConfig;

/// <summary>Tells every instance that a setting changed (Redis pub/sub); losing a message only delays the change until the next periodic re-read.</summary>
public interface ISettingsChangeBus
{
    Task PublishAsync(CancellationToken ct);

    /// <summary>Calls <paramref name="onChange"/> whenever any instance publishes; true when the subscription stands.</summary>
    Task<bool> SubscribeAsync(Func<Task> onChange, CancellationToken ct);
}

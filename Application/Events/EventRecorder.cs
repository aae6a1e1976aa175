using System.Globalization;
using System.Text.Json;
using AuthService.Application.Outbox;

namespace AuthService.Application.Events;

/// <summary>
/// Writes an auth event into the outbox in the current unit of work (one delivery per subscribed
/// endpoint), so it is sent exactly when the change is committed. The body is fixed here, once:
/// every attempt and every endpoint gets the same bytes and the same id.
/// </summary>
internal sealed class EventRecorder(IOutbox outbox, IIdGenerator ids)
{
    private static readonly IReadOnlyDictionary<string, object?> NoData = new Dictionary<string, object?>();

    public Task RecordAsync(string type, Guid userId, DateTimeOffset at, IReadOnlyDictionary<string, object?>? data, CancellationToken ct)
    {
        var id = ids.NewId();
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal) { ["user_id"] = userId };
        foreach (var (key, value) in data ?? NoData)
        {
            if (AuthEventTypes.DataKeys.Contains(key))
            {
                payload[key] = value;
            }
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["type"] = type,
            ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = payload,
        });
        return outbox.AddEventAsync(new OutgoingEvent(id, type, at, json), ct);
    }
}

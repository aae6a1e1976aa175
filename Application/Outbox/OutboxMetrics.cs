using System.Diagnostics.Metrics;

namespace AuthService.Application.Outbox;

/// <summary>
/// The outbox on the service's meter (<c>AuthService</c>, exported at <c>GET /metrics</c>):
/// deliveries by channel and result, and the rows waiting or dead by channel, as last counted.
/// </summary>
public static class OutboxMetrics
{
    private static readonly Meter Meter = new(Common.AuthMetrics.MeterName);

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "authservice.outbox_deliveries", description: "Outbox delivery attempts, by channel (email, sms, webhook) and result (sent, retry, dead).");

    private static readonly string[] Channels = ["email", "sms", "webhook"];

    private static IReadOnlyList<OutboxCounts> _counts = [];

    static OutboxMetrics() =>
        Meter.CreateObservableGauge(
            "authservice.outbox_backlog",
            () =>
            {
                // Every channel and status, zeros included, so the series exist before the first failure.
                var counts = Volatile.Read(ref _counts);
                return from channel in Channels
                       from status in new[] { "pending", "dead" }
                       select new Measurement<long>(
                           counts.Where(c => c.Channel == channel && c.Status == status).Sum(c => c.Count),
                           new KeyValuePair<string, object?>("channel", channel),
                           new KeyValuePair<string, object?>("status", status));
            },
            description: "Outbox rows pending (not yet sent) or dead (given up), by channel, as of the last count (every 15 s).");

    public static void Delivered(string channel, string result) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("result", result));

    public static void Counted(IReadOnlyList<OutboxCounts> counts) => Volatile.Write(ref _counts, counts);
}

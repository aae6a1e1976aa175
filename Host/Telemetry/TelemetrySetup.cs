using AuthService.Application.Common;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AuthService.Host.Telemetry;

/// <summary>
/// Metrics from ASP.NET Core, Kestrel, the runtime, Npgsql and our own meter, served in
/// Prometheus text at <c>GET /metrics</c> on the admin listener; traces through OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the standard OTEL_* variables).
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("authservice"))
            .WithMetrics(metrics => metrics
                .AddMeter(AuthMetrics.MeterName)
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics")
                .AddMeter("System.Runtime")
                .AddMeter("Npgsql")
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddSource("Npgsql")
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>The scrape endpoint; the listener split keeps it off the public listener.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}

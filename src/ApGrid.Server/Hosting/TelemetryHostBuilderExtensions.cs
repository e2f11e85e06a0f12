using ApGrid.Grains.Abstractions;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ApGrid.Server.Hosting;

/// <summary>
/// OpenTelemetry, only when an operator asks for it: OTLP when OTEL_EXPORTER_OTLP_ENDPOINT (or
/// Telemetry:Otlp:Enabled) is set, a Prometheus scrape endpoint when Telemetry:Prometheus:Enabled.
/// Otherwise nothing is registered, so nothing listens and instrumentation costs a null check.
/// The exporter takes the standard OTEL_* settings (endpoint, protocol, headers, service name).
/// </summary>
public static class TelemetryHostBuilderExtensions
{
    public const string PrometheusPath = "/ops/metrics";

    public static bool OtlpEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || configuration.GetValue<bool>("Telemetry:Otlp:Enabled");

    public static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Telemetry:Prometheus:Enabled");

    public static bool Enabled(IConfiguration configuration) => OtlpEnabled(configuration) || PrometheusEnabled(configuration);

    public static WebApplicationBuilder AddApGridTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (!Enabled(configuration)) return builder;
        var otlp = OtlpEnabled(configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("apgrid"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ApGridTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/ops"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(ApGridTelemetry.Name, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp) metrics.AddOtlpExporter();
                if (PrometheusEnabled(configuration)) metrics.AddPrometheusExporter();
            });
        return builder;
    }
}

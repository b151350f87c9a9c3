using Dispatch.Grains.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dispatch.Silo.Operations;

/// <summary>
/// Liveness, readiness and metrics for whoever runs the engine: <c>/health/live</c> (the process
/// answers), <c>/health/ready</c> (<see cref="Readiness"/>), <c>/metrics</c> (Prometheus text), all
/// without a token. Traces (Dispatch decisions, Orleans calls, gRPC requests) go to an OTLP collector
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>Plain HTTP/1.1 beside the HTTP/2-only API, for scrapers and probes that do not speak h2c.</summary>
    public const string OpsEndpoint = "Kestrel:Endpoints:Ops";

    /// <summary>
    /// Whether traces are collected: only with somewhere to send them. A trace of every grain call
    /// costs an activity and a copy of every answer (about a tenth of the engine's CPU under ECG
    /// load, docs/performance.md), which no one should pay for traces that go nowhere.
    /// </summary>
    public static bool Tracing(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks().AddCheck<Readiness>("cluster", tags: [Readiness.Tag]);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(DispatchTelemetry.Name, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (Tracing(configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(DispatchTelemetry.Name, "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness.Tag) }).AllowAnonymous();
        endpoints.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return endpoints;
    }
}

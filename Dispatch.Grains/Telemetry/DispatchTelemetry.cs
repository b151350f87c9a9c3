using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dispatch.Grains.Telemetry;

/// <summary>
/// The engine's own metrics and traces (meter and activity source "Dispatch"), beside Orleans'
/// ("Microsoft.Orleans": activations, messages, membership). Each silo counts what it did; the
/// cluster's figure is the sum over its silos, which is how a Prometheus query reads them.
/// </summary>
public static class DispatchTelemetry
{
    public const string Name = "Dispatch";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>How long a decision took: choosing a destination, or ranking and assigning an ambulance.</summary>
    public static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram<double>(
        "dispatch.decision.duration", "ms", "Time to decide a destination or an ambulance, from the case's request to its stored answer");

    public static readonly UpDownCounter<long> OpenStreams = Meter.CreateUpDownCounter<long>(
        "dispatch.streams.open", "{stream}", "Live client streams by kind (crew, hospital, coordinator)");

    public static readonly Counter<long> EcgChunksStored = Meter.CreateCounter<long>(
        "dispatch.ecg.chunks.stored", "{chunk}", "ECG chunks stored and acknowledged to the crew");

    /// <summary>+1 when a pre-alert starts waiting for its acknowledgement, -1 when it stops (acknowledged, arrived, withdrawn, closed).</summary>
    public static readonly UpDownCounter<long> UnacknowledgedPreAlerts = Meter.CreateUpDownCounter<long>(
        "dispatch.prealerts.unacknowledged", "{prealert}", "Pre-alerts sent and not yet acknowledged (sum over silos)");

    public static readonly Counter<long> PreAlertEscalations = Meter.CreateCounter<long>(
        "dispatch.prealerts.escalated", "{prealert}", "Unacknowledged pre-alerts escalated to the coordinators");

    public static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}

using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Cases;

/// <summary>The persisted state of one case. Only <see cref="CaseLifecycle"/> changes it.</summary>
[GenerateSerializer, Alias("dispatch.CaseState")]
public sealed class CaseState
{
    [Id(0)] public string CaseId { get; set; } = "";
    [Id(1)] public bool IsOpened { get; set; }
    [Id(2)] public CasePhase Phase { get; set; }
    [Id(3)] public Complaint Complaint { get; set; }
    [Id(4)] public GeoPoint Location { get; set; }
    [Id(5)] public DateTimeOffset? SymptomOnset { get; set; }
    [Id(6)] public string? AmbulanceId { get; set; }
    [Id(7)] public string? CurrentHospitalId { get; set; }
    [Id(8)] public string? DestinationHospitalId { get; set; }
    [Id(9)] public Diagnosis? Diagnosis { get; set; }
    [Id(10)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(11)] public int? PatientAge { get; set; }
    [Id(12)] public PatientSex PatientSex { get; set; }
    /// <summary>Every destination decision, oldest first; the last one is current.</summary>
    [Id(13)] public List<DestinationDecision> Decisions { get; set; } = [];
    /// <summary>The ambulances that were considered for the call, best first.</summary>
    [Id(14)] public List<AmbulanceCandidate> AmbulanceRanking { get; set; } = [];
    [Id(15)] public VitalSigns? LatestVitals { get; set; }
    /// <summary>The pre-alert to the current destination: when first and last sent, and when escalated.</summary>
    [Id(16)] public DateTimeOffset? PreAlertFirstSentAt { get; set; }
    [Id(17)] public DateTimeOffset? PreAlertLastSentAt { get; set; }
    [Id(18)] public DateTimeOffset? PreAlertEscalatedAt { get; set; }
    [Id(19)] public List<CaseAlert> Alerts { get; set; } = [];
    /// <summary>The latest road ETA to the destination, from the ambulance's position.</summary>
    [Id(20)] public double? EtaMinutes { get; set; }

    /// <summary>
    /// The automated analysis of the latest complete 10 s of the case's ECG. Every window's findings
    /// are kept by the case's recording (they follow from its chunks), not here: the case is saved
    /// on every change, and should not grow by a window every 10 s.
    /// </summary>
    [Id(22)] public Contracts.Ecg.EcgFindings? LatestEcgFindings { get; set; }

    /// <summary>
    /// Set with every change written, cleared once the ambulance, hospitals and indexes were told:
    /// found set when the case activates (its silo died in between) or after a failed notification,
    /// the case brings them in line itself instead of waiting for a client to retry.
    /// </summary>
    [Id(23)] public bool NotificationsPending { get; set; }

    public TimelineEntry? First(Milestone milestone) => Timeline.Find(e => e.Milestone == milestone);

    public TimelineEntry? Last(Milestone milestone) => Timeline.FindLast(e => e.Milestone == milestone);

    public bool Has(Milestone milestone) => Timeline.Exists(e => e.Milestone == milestone);
}

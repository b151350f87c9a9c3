using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Feed;
using Orleans.Concurrency;

namespace Dispatch.Contracts.Grains;

/// <summary>One emergency, keyed by case id. Owns the timeline; every change is persisted before it returns.</summary>
[Alias("dispatch.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<CaseSnapshot> Open(OpenCaseRequest request);

    [Alias("Record")]
    Task<CaseSnapshot> Record(CaseCommand command);

    /// <summary>Assigns the available ambulance with the shortest road ETA, recording the ranking behind the choice.</summary>
    [Alias("DispatchNearestAmbulance")]
    Task<CaseSnapshot> DispatchNearestAmbulance(string commandId);

    /// <summary>Runs the destination policy and records the decision (and the destination, if it changed).</summary>
    [Alias("ChooseDestination")]
    Task<CaseSnapshot> ChooseDestination(string commandId);

    /// <summary>Decides again after a hospital's status changed; a new destination is recorded as a re-route.</summary>
    [Alias("ReevaluateDestination"), OneWay]
    Task ReevaluateDestination();

    /// <summary>Keeps the crew's latest vital signs (an older measurement than the latest is ignored).</summary>
    [Alias("RecordVitals")]
    Task RecordVitals(VitalSigns vitals);

    /// <summary>
    /// The ambulance's latest road ETA to the destination; the centre gets an updated pre-alert.
    /// One-way: the ambulance must never wait on its case, which itself asks the ambulance where it is.
    /// </summary>
    [Alias("UpdateEta"), OneWay]
    Task UpdateEta(string hospitalId, double minutes);

    /// <summary>Another 10 s of ECG is stored: the receiving centre's pre-alert shows it. One-way, from the crew's stream.</summary>
    [Alias("EcgProgressed"), OneWay]
    Task EcgProgressed();

    /// <summary>Repeats an unacknowledged pre-alert and escalates it when due (the reminder calls this).</summary>
    [Alias("ChasePreAlert")]
    Task ChasePreAlert();

    /// <summary>The case as the coordinators' map shows it, or null when no case has this id.</summary>
    [Alias("GetSummary")]
    Task<CaseSummary?> GetSummary();

    /// <summary>The case, or null when no case has this id.</summary>
    /// <summary>The analysis of another complete 10 s of the case's ECG: kept, screened, passed on.</summary>
    [Alias("RecordEcgFindings")]
    Task RecordEcgFindings(Ecg.EcgFindings findings);

    [Alias("GetSnapshot")]
    Task<CaseSnapshot?> GetSnapshot();
}

using System.Collections.Immutable;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Contracts.Grains;

/// <summary>A receiving centre, keyed by its region id: live status and incoming patients.</summary>
[Alias("dispatch.IHospitalGrain")]
public interface IHospitalGrain : IGrainWithStringKey
{
    [Alias("GetSnapshot")]
    Task<HospitalSnapshot> GetSnapshot();

    [Alias("UpdateStatus")]
    Task<HospitalSnapshot> UpdateStatus(HospitalStatusUpdate update);

    /// <summary>Announces or updates a patient on the way (kept as the patient's latest pre-alert) and pushes it to the centre.</summary>
    [Alias("PreAlert")]
    Task PreAlert(PreAlert alert);

    /// <summary>The patient no longer comes (re-route, closed) or has arrived: off the incoming list, and the centre is told.</summary>
    [Alias("RemoveIncoming")]
    Task RemoveIncoming(string caseId, PreAlertKind why);

    /// <summary>The latest pre-alert of every patient on the way, for a centre that connects.</summary>
    [Alias("GetPreAlerts")]
    Task<ImmutableArray<PreAlert>> GetPreAlerts();

    [Alias("Subscribe")]
    Task Subscribe(IHospitalObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IHospitalObserver observer);
}

using Orleans.Concurrency;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Crew;
using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Grains;

/// <summary>One ambulance, keyed by its region id. It is the arbiter of its own assignment.</summary>
[Alias("dispatch.IAmbulanceGrain")]
public interface IAmbulanceGrain : IGrainWithStringKey
{
    [Alias("GetSnapshot")]
    Task<AmbulanceSnapshot> GetSnapshot();

    [Alias("ReportPosition")]
    Task<AmbulanceSnapshot> ReportPosition(GeoPoint position, DateTimeOffset at);

    [Alias("SetStatus")]
    Task<AmbulanceSnapshot> SetStatus(AmbulanceStatus status);

    /// <summary>Assigns the ambulance to a case; refused while it serves another case or is out of service.</summary>
    [Alias("Assign")]
    Task<AmbulanceSnapshot> Assign(CrewAssignment assignment);

    /// <summary>Tells the crew where to take the patient (again, after a re-route).</summary>
    [Alias("SendDestination")]
    Task SendDestination(CrewDestination destination);

    /// <summary>Passes the analysis of the crew's ECG to its connected crews.</summary>
    [Alias("SendEcgFindings"), OneWay]
    Task SendEcgFindings(string caseId, Ecg.EcgFindings findings);

    /// <summary>Registers a crew connection; connections renew within <c>AmbulanceGrain.ObserverExpiry</c>.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IAmbulanceObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IAmbulanceObserver observer);

    /// <summary>Moves the status along with its case; ignored when the ambulance has moved on to another case.</summary>
    [Alias("FollowCase")]
    Task FollowCase(string caseId, AmbulanceStatus status);

    /// <summary>Frees the ambulance when its case no longer needs it.</summary>
    [Alias("Release")]
    Task Release(string caseId);
}

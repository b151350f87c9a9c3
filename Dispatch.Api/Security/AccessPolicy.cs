using System.Collections.Frozen;
using static Dispatch.Api.Security.DispatchRoles;

namespace Dispatch.Api.Security;

/// <summary>
/// Which roles may call each method. A method missing here is open to admins only (fail
/// closed). Binding to the caller's own ambulance, hospital or case is checked by the service.
/// </summary>
public static class AccessPolicy
{
    public static readonly FrozenDictionary<string, string[]> Methods = new Dictionary<string, string[]>
    {
        ["/dispatch.v1.CaseService/OpenCase"] = [Coordinator, Hospital, Admin],
        ["/dispatch.v1.CaseService/RecordMilestone"] = [Crew, Hospital, Coordinator, Admin],
        ["/dispatch.v1.CaseService/GetCase"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.CaseService/ListActiveCases"] = [Coordinator, Admin],
        ["/dispatch.v1.CaseService/DispatchAmbulance"] = [Coordinator, Admin],
        ["/dispatch.v1.CaseService/ChooseDestination"] = [Coordinator, Admin],
        ["/dispatch.v1.RegionService/GetRegion"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.RegionService/ListHospitals"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.RegionService/ListAmbulances"] = [Coordinator, Admin],
        ["/dispatch.v1.RegionService/GetRoadMap"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.HospitalService/UpdateStatus"] = [Hospital, Coordinator, Admin],
        ["/dispatch.v1.HospitalService/GetHospital"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.HospitalService/WatchPreAlerts"] = [Hospital, Coordinator, Admin],
        ["/dispatch.v1.HospitalService/AcknowledgePreAlert"] = [Hospital, Admin],
        ["/dispatch.v1.HospitalService/ActivateTeam"] = [Hospital, Admin],
        ["/dispatch.v1.AmbulanceService/ReportPosition"] = [Crew, Admin],
        ["/dispatch.v1.AmbulanceService/SetStatus"] = [Crew, Coordinator, Admin],
        ["/dispatch.v1.AmbulanceService/GetAmbulance"] = [Crew, Coordinator, Admin],
        ["/dispatch.v1.RoutingService/GetCoverage"] = [Hospital, Coordinator, Admin],
        ["/dispatch.v1.RoutingService/GetIsochrones"] = [Hospital, Coordinator, Admin],
        ["/dispatch.v1.RoutingService/GetCentresCovering"] = [Crew, Hospital, Coordinator, Admin],
        ["/dispatch.v1.RoutingService/GetTravelTime"] = [Crew, Hospital, Coordinator, Admin],
        ["/dispatch.v1.RoutingService/SetRoadCondition"] = [Coordinator, Admin],
        ["/dispatch.v1.RoutingService/ClearRoadCondition"] = [Coordinator, Admin],
        ["/dispatch.v1.RoutingService/ListRoadConditions"] = [Crew, Coordinator, Admin],
        ["/dispatch.v1.CrewService/Connect"] = [Crew, Admin],
        ["/dispatch.v1.EcgService/ReadRecording"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.CoordinatorService/WatchRegion"] = [Coordinator, Admin],
        ["/dispatch.v1.CoordinatorService/GetClinicalSummary"] = [Coordinator, Admin],
        ["/dispatch.v1.EcgReadingService/GetWorklist"] = [EcgReader, Coordinator, Admin],
        ["/dispatch.v1.EcgReadingService/GetFindings"] = [Crew, Hospital, EcgReader, Coordinator, Admin],
        ["/dispatch.v1.EcgReadingService/RecordReading"] = [EcgReader, Admin],
        ["/dispatch.v1.EcgReadingService/ReportCriticalValue"] = [EcgReader, Admin],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Allows(string method, string role) =>
        role == Admin || (Methods.TryGetValue(method, out var roles) && roles.Contains(role));
}

using Dispatch.Contracts.V1;
using Google.Protobuf.Reflection;

namespace Dispatch.Tests.Support;

/// <summary>
/// A valid request for every method of the API, as JSON with placeholders: {case} is the caller's
/// own case, {new} a case it opened, {ambulance} and {hospital} the ones its case involves, {run}
/// something unique. The access table and the fuzzer start from these.
/// </summary>
public static class ApiRequests
{
    public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>
    {
        ["CaseService/OpenCase"] = """{"commandId":"access-open-{run}","location":{"latitude":38.03,"longitude":114.5},"complaint":"COMPLAINT_CHEST_PAIN","presentingHospitalId":"{hospital}"}""",
        ["CaseService/RecordMilestone"] = """{"caseId":"{case}","commandId":"access-ecg-{run}","milestone":"MILESTONE_FIRST_ECG"}""",
        ["CaseService/GetCase"] = """{"caseId":"{case}"}""",
        ["CaseService/ListActiveCases"] = "{}",
        ["CaseService/DispatchAmbulance"] = """{"caseId":"{new}","commandId":"access-dispatch-{run}"}""",
        ["CaseService/ChooseDestination"] = """{"caseId":"{case}","commandId":"access-choose-{run}"}""",
        ["RegionService/GetRegion"] = "{}",
        ["RegionService/ListHospitals"] = "{}",
        ["RegionService/ListAmbulances"] = "{}",
        ["RegionService/GetRoadMap"] = "{}",
        ["HospitalService/UpdateStatus"] = """{"hospitalId":"{hospital}","cathLabsBusy":0}""",
        ["HospitalService/GetHospital"] = """{"hospitalId":"{hospital}"}""",
        ["HospitalService/WatchPreAlerts"] = """{"hospitalId":"{hospital}"}""",
        ["HospitalService/AcknowledgePreAlert"] = """{"hospitalId":"{hospital}","caseId":"{case}","commandId":"access-ack-{run}"}""",
        ["HospitalService/ActivateTeam"] = """{"hospitalId":"{hospital}","caseId":"{case}","commandId":"access-activate-{run}"}""",
        ["AmbulanceService/ReportPosition"] = """{"ambulanceId":"{ambulance}","position":{"latitude":38.021,"longitude":114.49}}""",
        ["AmbulanceService/SetStatus"] = """{"ambulanceId":"{ambulance}","status":"AMBULANCE_STATUS_TRANSPORTING"}""",
        ["AmbulanceService/GetAmbulance"] = """{"ambulanceId":"{ambulance}"}""",
        ["RoutingService/GetCoverage"] = "{}",
        ["RoutingService/GetIsochrones"] = """{"capability":"CAPABILITY_PCI"}""",
        ["RoutingService/GetCentresCovering"] = """{"place":{"latitude":38.02,"longitude":114.49},"capability":"CAPABILITY_PCI"}""",
        ["RoutingService/GetTravelTime"] = """{"from":{"latitude":38.02,"longitude":114.49},"hospitalId":"{hospital}"}""",
        ["RoutingService/SetRoadCondition"] = """{"id":"access-{run}","area":[{"latitude":38.0,"longitude":114.4},{"latitude":38.0,"longitude":114.401},{"latitude":38.001,"longitude":114.4}],"factor":1.5}""",
        ["RoutingService/ClearRoadCondition"] = """{"id":"access-{run}"}""",
        ["RoutingService/ListRoadConditions"] = "{}",
        ["CrewService/Connect"] = """{"hello":{"ambulanceId":"{ambulance}"}}""",
        ["EcgService/ReadRecording"] = """{"caseId":"{case}"}""",
        ["CoordinatorService/WatchRegion"] = "{}",
        ["CoordinatorService/GetClinicalSummary"] = "{}",
        ["EcgReadingService/GetWorklist"] = "{}",
        ["EcgReadingService/GetFindings"] = """{"caseId":"{case}"}""",
        ["EcgReadingService/RecordReading"] = """{"caseId":"{case}","commandId":"access-read-{run}","result":"READING_RESULT_STEMI_REJECTED"}""",
        ["EcgReadingService/ReportCriticalValue"] = """{"caseId":"{case}","commandId":"access-critical-{run}","finding":"access check","notified":"the crew"}""",
    };

    /// <summary>Every method the API serves, from the generated descriptors.</summary>
    public static IEnumerable<MethodDescriptor> Methods =>
        new[] { CasesReflection.Descriptor, RegionReflection.Descriptor, RoutingReflection.Descriptor, CrewReflection.Descriptor, EcgReflection.Descriptor, CoordinatorReflection.Descriptor, EcgReadingReflection.Descriptor }
            .SelectMany(file => file.Services).SelectMany(service => service.Methods);

    public static string Key(MethodDescriptor method) => $"{method.Service.Name}/{method.Name}";

    public static string Fill(string key, string caseId, string newCase, string ambulance, string hospital, string run) =>
        Templates[key].Replace("{case}", caseId).Replace("{new}", newCase).Replace("{ambulance}", ambulance)
            .Replace("{hospital}", hospital).Replace("{run}", run);
}
